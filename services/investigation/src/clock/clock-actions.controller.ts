import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { ExtensionDeadlineCheck } from '../deadline/extension-deadline.check';
import { ClockActionsService } from './clock-actions.service';
import {
  ClockReasonDto,
  DecideExtensionDto,
  MergeComplaintDto,
  PauseClockDto,
  RequestExtensionDto,
} from './dto/clock-action.dto';
import { ClockRequestDto } from './dto/clock-request.dto';

const NOT_FOUND = 'No case for this complaint, or one of another department (CASE.NOT_FOUND)';
const CONFLICT =
  'The round is decided (CLOCK.CASE_DECIDED), or the complaint withdrawn or merged (CLOCK.ENDED)';
const WORKERS = ['handler', 'supervisor', 'complaints_officer'] as const;
const BY_WORKER =
  "By the case's handler, a supervisor of its department or a complaints officer " +
  '(another handler: CASE.NOT_ASSIGNED). Publishes complaints.clock.v1 and the audit entry.';

type Id = string;
const id = () => Param('complaintId', new ParseUUIDPipe());

/** Actions on the legal clock; the deadlines service computes the deadlines from them. */
@ApiTags('clock')
@Controller('v1/cases/:complaintId')
export class ClockActionsController {
  constructor(
    private readonly actions: ClockActionsService,
    private readonly deadline: ExtensionDeadlineCheck,
  ) {}

  @Post('extensions')
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({
    summary: 'Ask for an extension (complex: to 30 days; especially complex: a further 30)',
    description:
      'By the handler the case is assigned to. An approver who is not the requester decides it. ' +
      'Asked at or after the deadline the deadlines service last published for the clock ' +
      '(complaints.deadline-changed.v1), it is refused at once; when that state does not yet ' +
      "reflect the case's latest clock action, the deadlines service judges it.",
  })
  @ApiCreatedResponse({ type: ClockRequestDto })
  @ApiForbiddenResponse({ description: 'Not the assigned handler (CASE.NOT_ASSIGNED)' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: `${CONFLICT}; a request awaits an approver (EXTENSION.PENDING)`,
  })
  @ApiUnprocessableEntityResponse({
    description:
      'After the deadline (EXTENSION.AFTER_DEADLINE); beyond the policy (EXTENSION.BEYOND_MAXIMUM, ' +
      'EXTENSION.OUT_OF_ORDER, EXTENSION.NOT_ALLOWED)',
  })
  async request(
    @CurrentActor() a: Actor,
    @id() c: Id,
    @Body() dto: RequestExtensionDto,
    @Req() r: FastifyRequest,
  ) {
    await this.deadline.refuseIfLate(a, c, dto.kind);
    return this.actions.requestExtension(a, c, dto, r);
  }

  @Post('extensions/:requestId/decision')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary: 'Approve or refuse an extension request',
    description: 'By an approver who did not request it.',
  })
  @ApiOkResponse({ type: ClockRequestDto })
  @ApiForbiddenResponse({ description: 'The approver requested it (EXTENSION.OWN_REQUEST)' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}; no such request (EXTENSION.NOT_FOUND)` })
  @ApiConflictResponse({ description: `${CONFLICT}; already decided (EXTENSION.ALREADY_DECIDED)` })
  decide(
    @CurrentActor() a: Actor,
    @id() c: Id,
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Body() dto: DecideExtensionDto,
    @Req() r: FastifyRequest,
  ) {
    return this.actions.decideExtension(a, c, requestId, dto, r);
  }

  @Post('pause')
  @HttpCode(201)
  @Roles(...WORKERS)
  @ApiOperation({
    summary: 'Stop the clock (appraisal, test, evaluation, mediation, customer material)',
    description: BY_WORKER,
  })
  @ApiCreatedResponse({ type: ClockRequestDto })
  @ApiConflictResponse({ description: `${CONFLICT}; already paused (CLOCK.ALREADY_PAUSED)` })
  pause(
    @CurrentActor() a: Actor,
    @id() c: Id,
    @Body() dto: PauseClockDto,
    @Req() r: FastifyRequest,
  ) {
    return this.actions.pause(a, c, dto, r);
  }

  @Post('resume')
  @HttpCode(200)
  @Roles(...WORKERS)
  @ApiOperation({ summary: 'Start the paused clock again', description: BY_WORKER })
  @ApiOkResponse({ type: ClockRequestDto })
  @ApiConflictResponse({ description: `${CONFLICT}; not paused (CLOCK.NOT_PAUSED)` })
  resume(
    @CurrentActor() a: Actor,
    @id() c: Id,
    @Body() dto: ClockReasonDto,
    @Req() r: FastifyRequest,
  ) {
    return this.actions.resume(a, c, dto, r);
  }

  @Post('restart')
  @HttpCode(201)
  @Roles(...WORKERS)
  @ApiOperation({ summary: 'New facts: the decision period starts again', description: BY_WORKER })
  @ApiCreatedResponse({ type: ClockRequestDto })
  @ApiConflictResponse({ description: CONFLICT })
  restart(
    @CurrentActor() a: Actor,
    @id() c: Id,
    @Body() dto: ClockReasonDto,
    @Req() r: FastifyRequest,
  ) {
    return this.actions.restart(a, c, dto, r);
  }

  @Post('merge')
  @HttpCode(201)
  @Roles(...WORKERS)
  @ApiOperation({
    summary: 'A repeat without new facts joins an earlier complaint; this clock ends',
    description: BY_WORKER,
  })
  @ApiCreatedResponse({ type: ClockRequestDto })
  @ApiConflictResponse({ description: CONFLICT })
  @ApiUnprocessableEntityResponse({ description: 'Into itself (CLOCK.MERGE_INTO_ITSELF)' })
  merge(
    @CurrentActor() a: Actor,
    @id() c: Id,
    @Body() dto: MergeComplaintDto,
    @Req() r: FastifyRequest,
  ) {
    return this.actions.merge(a, c, dto, r);
  }

  @Post('withdrawal')
  @HttpCode(201)
  @Roles(...WORKERS)
  @ApiOperation({
    summary: 'The complainant withdrew: handling ends the day it was received',
    description: BY_WORKER,
  })
  @ApiCreatedResponse({ type: ClockRequestDto })
  @ApiConflictResponse({ description: CONFLICT })
  withdraw(
    @CurrentActor() a: Actor,
    @id() c: Id,
    @Body() dto: ClockReasonDto,
    @Req() r: FastifyRequest,
  ) {
    return this.actions.withdraw(a, c, dto, r);
  }
}
