import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Roles } from '@complaints/platform';
import { FeedbackResultDto } from '../feedback/dto/feedback-result.dto';
import { FeedbackService } from '../feedback/feedback.service';
import { ReopenComplaintDto } from './reopen-complaint.dto';

@ApiTags('feedback')
@Controller('v1/feedback')
export class OfficerReopenController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post(':complaintId/reopen')
  @HttpCode(200)
  @Roles('complaints_officer')
  @ApiOperation({
    summary: "The complaints officer reopens a dissatisfied customer's complaint",
    description:
      'A dissatisfied answer without a review request no longer reopens by itself: the officer ' +
      'chooses. Publishes complaints.reopened.v1 (no review: the handler who decided keeps it ' +
      'while active) and the audit entry feedback.reopened. Unchosen, the complaint closes as ' +
      'escalated once REVIEW_REQUEST_DAYS have passed since the letter.',
  })
  @ApiOkResponse({ type: FeedbackResultDto })
  @ApiBadRequestResponse({ description: 'Missing reason (REQUEST.INVALID)' })
  @ApiConflictResponse({
    description: 'No dissatisfied answer awaits the officer (FEEDBACK.NOT_AWAITING_OFFICER)',
  })
  reopen(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: ReopenComplaintDto,
    @Req() request: FastifyRequest,
  ): Promise<FeedbackResultDto> {
    return this.feedback.reopenByOfficer(complaintId, dto.reason, request);
  }
}
