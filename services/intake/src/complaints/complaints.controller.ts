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
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { AccessErrors } from '../api-keys/access.errors';
import { AuthenticatedCaller } from '../api-keys/authenticated-caller.decorator';
import type { Caller } from '../api-keys/caller';
import { callerOf } from '../api-keys/caller-access.hook';
import { RequiresScope } from '../api-keys/requires-scope.decorator';
import { ProblemDto } from '../http/problem.dto';
import { problemResponse } from '../http/problem-response';
import { COMPLAINT_READERS } from './complaint-access';
import { ComplaintErrors, IDEMPOTENCY_KEY_PATTERN } from './complaint.errors';
import { ComplaintsService } from './complaints.service';
import { ComplaintAcceptedDto } from './dto/complaint-accepted.dto';
import { ComplaintLookupQueryDto } from './dto/complaint-lookup.query.dto';
import { ComplaintStatusDto } from './dto/complaint-status.dto';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { PeopleReads } from './people-reads.service';

@ApiTags('complaints')
@ApiExtraModels(ProblemDto)
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly people: PeopleReads,
  ) {}

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
  @ApiResponse(
    problemResponse(
      401,
      'No API key or access token, or an unknown, revoked, invalid or expired one',
    ),
  )
  @ApiResponse(
    problemResponse(
      403,
      'The key lacks complaints:read, or the person has no role that reads complaints',
    ),
  )
  @RequiresScope('complaints:read', { orBearer: true })
  @Roles(...COMPLAINT_READERS)
  @ApiOperation({
    summary: 'A complaint: its status and when each stage was reached',
    description:
      'Calling systems see their own complaints. People: complaints officers, auditors and ' +
      "approvers any complaint, handlers and supervisors their department's; each read is audited.",
  })
  @ApiOkResponse({ type: ComplaintStatusDto })
  @ApiResponse(problemResponse(400, 'id is not a UUID (REQUEST.INVALID)'))
  @ApiResponse(
    problemResponse(404, 'No such complaint, or not one you may see (COMPLAINT.NOT_FOUND)'),
  )
  status(
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor | undefined,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ComplaintErrors.badId() })) id: string,
  ): Promise<ComplaintStatusDto> {
    const caller = callerOf(request);
    if (caller) return this.complaints.status(caller.system, id);
    // The guard let the request in on a verified token, so there is an actor; fail closed anyway.
    if (!actor) throw AccessErrors.keyMissing();
    return this.people.status(actor, request, id);
  }
}
