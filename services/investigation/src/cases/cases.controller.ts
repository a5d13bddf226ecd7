import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CaseDecisionService } from './case-decision.service';
import { CasesService } from './cases.service';
import { AddNoteDto } from './dto/add-note.dto';
import { CaseDecisionDto } from './dto/case-decision.dto';
import { CaseDetailDto } from './dto/case-detail.dto';
import { CaseListDto } from './dto/case-list.dto';
import { CaseNoteDto } from './dto/case-note.dto';
import { DecideCaseDto } from './dto/decide-case.dto';
import { ListCasesQueryDto } from './dto/list-cases.query.dto';

@ApiTags('cases')
@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly decisions: CaseDecisionService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'A queue of cases',
    description: 'Green channel first, then by decision due date.',
  })
  @ApiOkResponse({ type: CaseListDto })
  list(@Query() query: ListCasesQueryDto): Promise<CaseListDto> {
    return this.cases.list(query);
  }

  @Get(':complaintId')
  @ApiOperation({ summary: "A complaint's case with its notes and decisions" })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiNotFoundResponse({ description: 'No case for this complaint (CASE.NOT_FOUND)' })
  get(@Param('complaintId', new ParseUUIDPipe()) complaintId: string): Promise<CaseDetailDto> {
    return this.cases.get(complaintId);
  }

  @Post(':complaintId/notes')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a working note to a case' })
  @ApiCreatedResponse({ type: CaseNoteDto })
  @ApiNotFoundResponse({ description: 'No case for this complaint (CASE.NOT_FOUND)' })
  @ApiUnprocessableEntityResponse({
    description: 'The author is not a known handler (HANDLER.NOT_FOUND)',
  })
  addNote(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: AddNoteDto,
  ): Promise<CaseNoteDto> {
    return this.cases.addNote(complaintId, dto);
  }

  @Post(':complaintId/decision')
  @HttpCode(201)
  @ApiOperation({
    summary: "Decide the case's current round",
    description:
      'Records the decision and publishes complaints.investigated.v1 in the same transaction.',
  })
  @ApiCreatedResponse({ type: CaseDecisionDto })
  @ApiBadRequestResponse({ description: 'Invalid fields (REQUEST.INVALID)' })
  @ApiForbiddenResponse({
    description: 'The case is assigned to another handler (CASE.NOT_ASSIGNED)',
  })
  @ApiNotFoundResponse({ description: 'No case for this complaint (CASE.NOT_FOUND)' })
  @ApiConflictResponse({ description: 'This round is already decided (CASE.ALREADY_DECIDED)' })
  decide(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @Body() dto: DecideCaseDto,
  ): Promise<CaseDecisionDto> {
    return this.decisions.decide(complaintId, dto);
  }
}
