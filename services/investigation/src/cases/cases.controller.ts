import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { CASE_READERS } from './case-access.policy';
import { CaseDecisionService } from './case-decision.service';
import { CasesService } from './cases.service';
import { AddNoteDto } from './dto/add-note.dto';
import { CaseDecisionDto } from './dto/case-decision.dto';
import { CaseDetailDto } from './dto/case-detail.dto';
import { CaseListDto } from './dto/case-list.dto';
import { CaseNoteDto } from './dto/case-note.dto';
import { DecideCaseDto } from './dto/decide-case.dto';
import { ListCasesQueryDto } from './dto/list-cases.query.dto';

const NOT_FOUND = 'No case for this complaint, or one of another department (CASE.NOT_FOUND)';

@ApiTags('cases')
@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly decisions: CaseDecisionService,
  ) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: 'A queue of cases',
    description:
      'Green channel first, then by decision due date. Handlers and supervisors see their ' +
      "department's cases only; complaints officers, approvers and auditors every department's.",
  })
  @ApiOkResponse({ type: CaseListDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQueryDto): Promise<CaseListDto> {
    return this.cases.list(actor, query);
  }

  @Get(':complaintId')
  @Roles(...CASE_READERS)
  @ApiOperation({
    summary: "A complaint's case with its notes and decisions",
    description: 'Holds the complaint text: every read is audited (case.read).',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Req() request: FastifyRequest,
  ): Promise<CaseDetailDto> {
    return this.cases.get(actor, complaintId, request);
  }

  @Post(':complaintId/notes')
  @HttpCode(201)
  @Roles('handler', 'supervisor', 'complaints_officer')
  @ApiOperation({
    summary: 'Add a working note to a case',
    description:
      'By the handler the case is assigned to, a supervisor of its department or a complaints ' +
      'officer; the author is the signed-in person. Audited (case.note-added).',
  })
  @ApiCreatedResponse({ type: CaseNoteDto })
  @ApiForbiddenResponse({
    description: 'A handler the case is not assigned to (CASE.NOT_ASSIGNED)',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  addNote(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: AddNoteDto,
    @Req() request: FastifyRequest,
  ): Promise<CaseNoteDto> {
    return this.cases.addNote(actor, complaintId, dto, request);
  }

  @Post(':complaintId/decision')
  @HttpCode(201)
  @Roles('handler')
  @ApiOperation({
    summary: "Decide the case's current round",
    description:
      'By the handler the case is assigned to. Records the decision and publishes ' +
      'complaints.investigated.v1 and the audit entry (case.decided) in the same transaction.',
  })
  @ApiCreatedResponse({ type: CaseDecisionDto })
  @ApiBadRequestResponse({ description: 'Invalid or unknown fields (REQUEST.INVALID)' })
  @ApiForbiddenResponse({
    description: 'The case is assigned to another handler (CASE.NOT_ASSIGNED)',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'This round is already decided (CASE.ALREADY_DECIDED)' })
  decide(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: DecideCaseDto,
    @Req() request: FastifyRequest,
  ): Promise<CaseDecisionDto> {
    return this.decisions.decide(actor, complaintId, dto, request);
  }
}
