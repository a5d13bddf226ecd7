import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '@complaints/platform';
import { FeedbackResultDto } from './dto/feedback-result.dto';
import { SubmitFeedbackDto } from './dto/submit-feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@Controller('v1/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post(':complaintId')
  @HttpCode(200)
  @Roles('complaints_officer')
  @ApiOperation({
    summary: "A complaints officer records the customer's survey answer given by phone or letter",
    description:
      'Answers relayed by calling systems arrive through intake (complaints.feedback-submitted.v1), not here. ' +
      'Audited as feedback.recorded. Publishes complaints.feedback-received.v1, then complaints.closed.v1 (satisfied, or escalated once the ' +
      'reopenings allowed are used up) or complaints.reopened.v1 (back to investigation).',
  })
  @ApiOkResponse({ type: FeedbackResultDto })
  @ApiBadRequestResponse({ description: 'Invalid rating, solved or comment' })
  @ApiNotFoundResponse({ description: 'No response awaiting feedback for the complaint' })
  @ApiConflictResponse({ description: 'Feedback on this response was already given' })
  submit(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: SubmitFeedbackDto,
    @Req() request: FastifyRequest,
  ): Promise<FeedbackResultDto> {
    return this.feedback.record(complaintId, dto, request);
  }
}
