import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
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
import { ProblemDto } from '../http/problem.dto';
import { problemResponse } from '../http/problem-response';
import { ComplaintErrors } from './complaint.errors';
import { ComplaintsService } from './complaints.service';
import { ComplaintAcceptedDto } from './dto/complaint-accepted.dto';
import { ComplaintLookupQueryDto } from './dto/complaint-lookup.query.dto';
import { ComplaintStatusDto } from './dto/complaint-status.dto';
import { CreateComplaintDto } from './dto/create-complaint.dto';

/** Visible ASCII, as header values can carry it unambiguously. */
const IDEMPOTENCY_KEY_PATTERN = /^[!-~]{1,255}$/;

@ApiTags('complaints')
@ApiExtraModels(ProblemDto)
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @HttpCode(202)
  @RequiresScope('complaints:write', { jsonBody: true })
  @ApiOperation({
    summary: 'Submit a complaint',
    description:
      'The complaint is stored before the answer and published to complaints.received.v1. The same ' +
      'externalReference again returns the complaint already accepted and creates nothing.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retry safely: the same key with the same body returns the original answer (and ' +
      '`Idempotent-Replayed: true`); with another body, 409. Keys expire after IDEMPOTENCY_TTL_HOURS.',
    schema: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: IDEMPOTENCY_KEY_PATTERN.source,
    },
  })
  @ApiAcceptedResponse({
    type: ComplaintAcceptedDto,
    description: 'Accepted (or already accepted): the complaint is stored',
    headers: { Location: { description: 'The complaint status URL', schema: { type: 'string' } } },
  })
  @ApiResponse(
    problemResponse(
      400,
      'Malformed JSON (REQUEST.MALFORMED_JSON) or invalid fields (REQUEST.INVALID, errors[])',
    ),
  )
  @ApiResponse(
    problemResponse(
      409,
      'The Idempotency-Key was used with a different body (IDEMPOTENCY.KEY_REUSED)',
    ),
  )
  @ApiResponse(problemResponse(413, 'Body larger than MAX_BODY_BYTES (REQUEST.TOO_LARGE)'))
  @ApiResponse(problemResponse(415, 'Body not application/json (REQUEST.UNSUPPORTED_MEDIA_TYPE)'))
  async submit(
    @AuthenticatedCaller() caller: Caller,
    @Body() dto: CreateComplaintDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintAcceptedDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw ComplaintErrors.badIdempotencyKey();
    }
    const idempotent =
      idempotencyKey === undefined
        ? undefined
        : {
            callerSystem: caller.system,
            key: idempotencyKey,
            // The body as sent, in canonical form: key order and spacing do not make it another body.
            requestHash: createHash('sha256').update(canonicalJson(request.body)).digest('hex'),
          };
    const { complaint, outcome } = await this.complaints.submit(caller.system, dto, idempotent);
    void reply.header('location', `/v1/complaints/${complaint.id}`);
    if (outcome === 'replayed') void reply.header('idempotent-replayed', 'true');
    return complaint;
  }

  @Get()
  @RequiresScope('complaints:read')
  @ApiOperation({ summary: 'Find one of your complaints by your own reference' })
  @ApiOkResponse({ type: ComplaintStatusDto })
  @ApiResponse(problemResponse(400, 'externalReference missing or invalid (REQUEST.INVALID)'))
  @ApiResponse(
    problemResponse(404, 'None of your complaints has this reference (COMPLAINT.NOT_FOUND)'),
  )
  lookup(
    @AuthenticatedCaller() caller: Caller,
    @Query() query: ComplaintLookupQueryDto,
  ): Promise<ComplaintStatusDto> {
    return this.complaints.lookup(caller.system, query.externalReference);
  }

  @Get(':id')
  @RequiresScope('complaints:read')
  @ApiOperation({ summary: 'One of your complaints: its status and when each stage was reached' })
  @ApiOkResponse({ type: ComplaintStatusDto })
  @ApiResponse(problemResponse(400, 'id is not a UUID (REQUEST.INVALID)'))
  @ApiResponse(problemResponse(404, 'No such complaint of yours (COMPLAINT.NOT_FOUND)'))
  status(
    @AuthenticatedCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ComplaintErrors.badId() })) id: string,
  ): Promise<ComplaintStatusDto> {
    return this.complaints.status(caller.system, id);
  }
}
