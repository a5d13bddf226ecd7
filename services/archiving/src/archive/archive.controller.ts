import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ComplaintArchivedV1 } from '@complaints/contracts';
import { ArchiveService } from './archive.service';
import { ArchiveRecordDto } from './dto/archive-record.dto';
import { TimelineEventDto } from './dto/timeline-event.dto';
import { StoredEvent } from './stored-event.types';

@ApiTags('archive')
@Controller('v1/archive')
export class ArchiveController {
  constructor(private readonly archive: ArchiveService) {}

  @Get(':complaintId')
  @ApiOperation({
    summary: "A closed complaint's sealed record",
    description: 'The same record complaints.archived.v1 carries; verify it with its sealHash.',
  })
  @ApiOkResponse({ type: ArchiveRecordDto })
  @ApiNotFoundResponse({
    description: 'ARCHIVE.NOT_FOUND: not closed yet, or its timeline is still incomplete',
  })
  record(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
  ): Promise<ComplaintArchivedV1> {
    return this.archive.sealedRecord(complaintId);
  }

  @Get(':complaintId/timeline')
  @ApiOperation({
    summary: 'Every lifecycle event recorded for a complaint, pseudonymised, in order',
  })
  @ApiOkResponse({ type: [TimelineEventDto] })
  @ApiNotFoundResponse({
    description: 'ARCHIVE.TIMELINE_NOT_FOUND: no event recorded for this complaint',
  })
  timeline(@Param('complaintId', new ParseUUIDPipe()) complaintId: string): Promise<StoredEvent[]> {
    return this.archive.timeline(complaintId);
  }
}
