import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { CASE_READERS } from '../cases/case-access.policy';
import { CaseMajorIncidentDto } from './dto/major-incident.dto';
import { MajorIncidentsService } from './major-incidents.service';

/** The major-incident flag on a case, for whoever may see the case. */
@ApiTags('major-incidents')
@Controller('v1/cases/:complaintId/major-incident')
export class CaseMajorIncidentController {
  constructor(private readonly incidents: MajorIncidentsService) {}

  @Get()
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'Whether the case is part of a major incident, and which' })
  @ApiOkResponse({ type: CaseMajorIncidentDto })
  @ApiNotFoundResponse({
    description: 'No case for this complaint, or one of another department (CASE.NOT_FOUND)',
  })
  get(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
  ): Promise<CaseMajorIncidentDto> {
    return this.incidents.forCase(actor, complaintId);
  }
}
