import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { CASE_READERS } from '../cases/case-access.policy';
import { CaseRepeatsDto, RepeatLinkDto } from './dto/repeat-link.dto';
import { RepeatDecisionDto } from './dto/repeat-decision.dto';
import { RepeatsService } from './repeats.service';

const NOT_FOUND = 'No case for this complaint, or one of another department (CASE.NOT_FOUND)';

/** Repeat complaints: found from the customer's keyed identity and policy and the texts. */
@ApiTags('repeats')
@Controller('v1/cases/:complaintId/repeats')
export class RepeatsController {
  constructor(private readonly repeats: RepeatsService) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'The repeat links of a case',
    description:
      'The complaint this one is proposed to repeat (same customer and policy, similar text, ' +
      'the earlier one still open), and later complaints proposed to repeat this one.',
  })
  @ApiOkResponse({ type: CaseRepeatsDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  list(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
  ): Promise<CaseRepeatsDto> {
    return this.repeats.list(actor, complaintId);
  }

  @Post('decision')
  @HttpCode(200)
  @Roles('handler', 'supervisor', 'complaints_officer')
  @ApiOperation({
    summary: 'Decide a proposed repeat: merge, restart the clock on new facts, or split',
    description:
      "By the repeat's handler, a supervisor of its department or a complaints officer. merged " +
      'and restarted publish the clock actions (complaints.clock.v1: merged; restarted on the ' +
      'earlier complaint) and need the right to act on both cases; every decision is audited ' +
      '(repeat.merged, repeat.restarted, repeat.split).',
  })
  @ApiOkResponse({ type: RepeatLinkDto })
  @ApiForbiddenResponse({ description: 'Not a worker of the case (CASE.NOT_ASSIGNED)' })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}; not a proposed repeat (REPEAT.NOT_FOUND)` })
  @ApiConflictResponse({
    description:
      'Already decided (REPEAT.ALREADY_DECIDED); a case decided, withdrawn or merged ' +
      '(CLOCK.CASE_DECIDED, CLOCK.ENDED)',
  })
  decide(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: RepeatDecisionDto,
    @Req() req: FastifyRequest,
  ): Promise<RepeatLinkDto> {
    return this.repeats.decide(actor, complaintId, dto, req);
  }
}
