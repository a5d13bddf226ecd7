import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@complaints/platform';
import { ActionsQueryDto, RecordActionDto } from './dto/improvement-action.dto';
import { ImprovementAction, ImprovementActionsService } from './improvement-actions.service';

const DEFAULT_WINDOW_DAYS = 90;

@ApiTags('improvement actions')
@Controller('v1/improvement-actions')
export class ImprovementActionsController {
  constructor(private readonly actions: ImprovementActionsService) {}

  @Post()
  @Roles('complaints_officer')
  @ApiOperation({
    summary: 'Record an improvement action against a root cause (owner unit, date it took effect)',
    description: '422 ROOT_CAUSE.UNKNOWN_CODE for a code the taxonomy does not list.',
  })
  @ApiOkResponse({ description: 'The action with its effect so far' })
  record(
    @Body() body: RecordActionDto,
    @Query() query: ActionsQueryDto,
  ): Promise<ImprovementAction> {
    return this.actions.record(body, query.windowDays ?? DEFAULT_WINDOW_DAYS);
  }

  @Get()
  @Roles('analyst', 'auditor', 'complaints_officer')
  @ApiOperation({
    summary: "Every action with the cause's complaint rate before and after it",
    description:
      'Complaints of the cause received in the windowDays before the date against those since ' +
      '(up to windowDays), per 30 days, with the hotspot test (exposure in days).',
  })
  @ApiOkResponse({ description: 'Actions, newest first' })
  list(@Query() query: ActionsQueryDto): Promise<ImprovementAction[]> {
    return this.actions.list(query.windowDays ?? DEFAULT_WINDOW_DAYS);
  }
}
