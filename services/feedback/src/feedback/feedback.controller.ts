import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { FeedbackResultDto } from './dto/feedback-result.dto';
import { SubmitFeedbackDto } from './dto/submit-feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@Controller('v1/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post(':complaintId')
  @HttpCode(200)
  @ApiOperation({
    summary: "The customer's answer to the satisfaction survey on the latest response",
    description:
      'Publishes complaints.feedback-received.v1, then complaints.closed.v1 (satisfied, or escalated once the ' +
      'reopenings allowed are used up) or complaints.reopened.v1 (back to investigation).',
  })
  @ApiOkResponse({ type: FeedbackResultDto })
  @ApiBadRequestResponse({ description: 'Invalid rating, solved or comment' })
  @ApiNotFoundResponse({ description: 'No response awaiting feedback for the complaint' })
  @ApiConflictResponse({ description: 'Feedback on this response was already given' })
  submit(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: SubmitFeedbackDto,
  ): Promise<FeedbackResultDto> {
    return this.feedback.submit(complaintId, dto);
  }
}
