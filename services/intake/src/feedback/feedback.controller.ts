import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { createHash } from 'crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canonicalJson } from '@complaints/contracts';
import { AuthenticatedCaller } from '../api-keys/authenticated-caller.decorator';
import type { Caller } from '../api-keys/caller';
import { RequiresScope } from '../api-keys/requires-scope.decorator';
import { ComplaintErrors, IDEMPOTENCY_KEY_PATTERN } from '../complaints/complaint.errors';
import { ProblemDto } from '../http/problem.dto';
import { problemResponse } from '../http/problem-response';
import { FeedbackAcceptedDto } from './dto/feedback-accepted.dto';
import { SubmitFeedbackDto } from './dto/submit-feedback.dto';
import { FeedbackRelayService } from './feedback-relay.service';

@ApiTags('feedback')
@ApiExtraModels(ProblemDto)
@Controller('v1/complaints')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackRelayService) {}

  @Post(':id/feedback')
  @HttpCode(202)
  @RequiresScope('feedback:write', { jsonBody: true })
  @ApiOperation({
    summary: "Relay the customer's answer to the satisfaction survey",
    description:
      'For one of your complaints once it has been responded to: published to ' +
      'complaints.feedback-submitted.v1; feedback then closes or reopens the complaint (see its ' +
      'status). One answer per response.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retry safely: the same key with the same body returns the original answer (and ' +
      '`Idempotent-Replayed: true`); with another body, 409 IDEMPOTENCY.KEY_REUSED.',
    schema: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: IDEMPOTENCY_KEY_PATTERN.source,
    },
  })
  @ApiAcceptedResponse({
    type: FeedbackAcceptedDto,
    description: 'Accepted: the answer is stored and will reach feedback',
    headers: { Location: { description: 'The complaint status URL', schema: { type: 'string' } } },
  })
  @ApiResponse(problemResponse(400, 'Invalid fields (REQUEST.INVALID, errors[] names each)'))
  @ApiResponse(problemResponse(404, 'No such complaint of yours (COMPLAINT.NOT_FOUND)'))
  @ApiResponse(
    problemResponse(
      409,
      'Not responded to or no longer awaiting an answer (FEEDBACK.NOT_AWAITED); this response ' +
        'already has one (FEEDBACK.ALREADY_SUBMITTED); Idempotency-Key reused (IDEMPOTENCY.KEY_REUSED)',
    ),
  )
  @ApiResponse(problemResponse(415, 'Body not application/json (REQUEST.UNSUPPORTED_MEDIA_TYPE)'))
  async submit(
    @AuthenticatedCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ComplaintErrors.badId() })) id: string,
    @Body() dto: SubmitFeedbackDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedbackAcceptedDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw ComplaintErrors.badIdempotencyKey();
    }
    const { accepted, replayed } = await this.feedback.relay(
      {
        callerSystem: caller.system,
        complaintId: id,
        dto,
        requestHash: createHash('sha256').update(canonicalJson(request.body)).digest('hex'),
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      },
      request,
    );
    void reply.header('location', accepted.statusUrl);
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return accepted;
  }
}
