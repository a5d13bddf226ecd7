import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { CLOCK_READERS, WATCHLIST_READERS } from './clock-access.policy';
import { ClocksQuery } from './clocks-query.service';
import { ComplaintClocksDto, WatchlistDto } from './dto/complaint-clocks.dto';
import { WatchlistQueryDto } from './dto/watchlist.query.dto';

@ApiTags('deadlines')
@Controller('v1/deadlines')
export class ClocksController {
  constructor(private readonly query: ClocksQuery) {}

  @Get()
  @Roles(...WATCHLIST_READERS)
  @ApiOperation({
    summary: 'Complaints whose deadline is near, past, or was breached',
    description:
      'Nearest deadline first. Supervisors see their own department only; operators and ' +
      'complaints officers every department. Figures only: no personal data.',
  })
  @ApiOkResponse({ type: WatchlistDto })
  watchlist(@CurrentActor() actor: Actor, @Query() q: WatchlistQueryDto): Promise<WatchlistDto> {
    return this.query.watchlist(actor, q);
  }

  @Get(':complaintId')
  @Roles(...CLOCK_READERS)
  @ApiOperation({
    summary: "A complaint's clocks: deadlines, extensions, pauses, met or breached",
    description:
      "Handlers and supervisors see their department's complaints; officers, approvers, " +
      'auditors and operators every department. No personal data and no names of staff.',
  })
  @ApiOkResponse({ type: ComplaintClocksDto })
  @ApiNotFoundResponse({
    description: 'Not seen yet, or of another department (DEADLINES.NOT_FOUND)',
  })
  clocks(
    @CurrentActor() actor: Actor,
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
  ): Promise<ComplaintClocksDto> {
    return this.query.clocks(actor, complaintId);
  }
}
