import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import {
  DeclareMajorIncidentDto,
  MajorIncidentDetailDto,
  MajorIncidentDto,
  MajorIncidentListDto,
  TickStepDto,
} from './dto/major-incident.dto';
import { MajorIncidentsService } from './major-incidents.service';

const NOT_FOUND = 'No such incident (MAJOR.NOT_FOUND)';

/** Major complaints under the contingency plan: the complaints officer's. */
@ApiTags('major-incidents')
@Controller('v1/major-incidents')
export class MajorIncidentsController {
  constructor(private readonly incidents: MajorIncidentsService) {}

  @Get()
  @Roles('complaints_officer')
  @ApiOperation({ summary: 'Major incidents, newest first, with their contingency checklist' })
  @ApiOkResponse({ type: MajorIncidentListDto })
  list(): Promise<MajorIncidentListDto> {
    return this.incidents.list();
  }

  @Get(':incidentId')
  @Roles('complaints_officer')
  @ApiOperation({ summary: 'One major incident with the complaints linked to it' })
  @ApiOkResponse({ type: MajorIncidentDetailDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('incidentId', new ParseUUIDPipe()) id: string): Promise<MajorIncidentDetailDto> {
    return this.incidents.get(id);
  }

  @Post()
  @HttpCode(201)
  @Roles('complaints_officer')
  @ApiOperation({
    summary: 'Declare a disaster or public-health event, or record the regulator’s designation',
    description:
      'Raises a major incident over the named complaints (each flagged); later complaints on ' +
      'the same matter join it. Publishes complaints.major-incident.v1; audited (major.declared).',
  })
  @ApiCreatedResponse({ type: MajorIncidentDetailDto })
  @ApiUnprocessableEntityResponse({
    description:
      'A named complaint has no case (MAJOR.UNKNOWN_COMPLAINT) or is in an incident already ' +
      '(MAJOR.ALREADY_LINKED)',
  })
  declare(
    @CurrentActor() actor: Actor,
    @Body() dto: DeclareMajorIncidentDto,
    @Req() req: FastifyRequest,
  ): Promise<MajorIncidentDetailDto> {
    return this.incidents.declare(actor, dto, req);
  }

  @Post(':incidentId/steps')
  @HttpCode(200)
  @Roles('complaints_officer')
  @ApiOperation({
    summary: 'Tick a contingency step (management informed, coordinated response, priority)',
    description: 'Once per step; audited (major.step-done) and published.',
  })
  @ApiOkResponse({ type: MajorIncidentDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'Already ticked (MAJOR.STEP_DONE)' })
  tick(
    @CurrentActor() actor: Actor,
    @Param('incidentId', new ParseUUIDPipe()) id: string,
    @Body() dto: TickStepDto,
    @Req() req: FastifyRequest,
  ): Promise<MajorIncidentDto> {
    return this.incidents.tick(actor, id, dto, req);
  }
}
