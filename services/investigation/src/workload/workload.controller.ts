import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { WorkloadDto } from './dto/workload.dto';
import { WorkloadQueryDto } from './dto/workload.query.dto';
import { WorkloadService } from './workload.service';

@ApiTags('workload')
@Controller('v1/workload')
export class WorkloadController {
  constructor(private readonly workloads: WorkloadService) {}

  @Get()
  @Roles('supervisor', 'complaints_officer', 'auditor')
  @ApiOperation({
    summary: "Handlers' open cases and the cases falling due",
    description:
      'Supervisors see their own department; complaints officers and auditors any (?department=), ' +
      'by default every department.',
  })
  @ApiOkResponse({ type: WorkloadDto })
  workload(@CurrentActor() actor: Actor, @Query() query: WorkloadQueryDto): Promise<WorkloadDto> {
    return this.workloads.workload(actor, query);
  }
}
