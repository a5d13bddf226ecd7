import { Controller, Get, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { ComplaintArchivedV1 } from '@complaints/contracts';
import { Actor, CurrentActor, Roles } from '@complaints/platform';
import { AuditStore } from '../audit/audit-store.service';
import { ArchiveService, TimelineItem } from './archive.service';
import { ArchiveRecordDto } from './dto/archive-record.dto';
import { TimelineEventDto } from './dto/timeline-event.dto';

/**
 * The pseudonymised archive: analysts, auditors and complaints officers; others get 403.
 * An auditor's every read is written to the audit trail before it is answered.
 */
@ApiTags('archive')
@Roles('analyst', 'auditor', 'complaints_officer')
@Controller('v1/archive')
export class ArchiveController {
  constructor(
    private readonly archive: ArchiveService,
    private readonly audit: AuditStore,
  ) {}

  @Get(':complaintId')
  @ApiOperation({
    summary: "A closed complaint's sealed record",
    description: 'The same record complaints.archived.v1 carries; verify it with its sealHash.',
  })
  @ApiOkResponse({ type: ArchiveRecordDto })
  @ApiNotFoundResponse({
    description: 'ARCHIVE.NOT_FOUND: not closed yet, or its timeline is still incomplete',
  })
  async record(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<ComplaintArchivedV1> {
    const record = await this.archive.sealedRecord(complaintId);
    await this.auditRead(actor, request, 'archive-record.read', complaintId);
    return record;
  }

  @Get(':complaintId/timeline')
  @ApiOperation({
    summary:
      'Every event recorded for a complaint, pseudonymised, in order: lifecycle, assignments, ' +
      'corrections of the class and audit entries',
  })
  @ApiOkResponse({ type: [TimelineEventDto] })
  @ApiNotFoundResponse({
    description: 'ARCHIVE.TIMELINE_NOT_FOUND: no event recorded for this complaint',
  })
  async timeline(
    @Param('complaintId', new ParseUUIDPipe()) complaintId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<TimelineItem[]> {
    const timeline = await this.archive.timeline(complaintId);
    await this.auditRead(actor, request, 'archive-timeline.read', complaintId);
    return timeline;
  }

  /** Only what exists is read: a miss answers 404 and reveals nothing, so it is not recorded. */
  private async auditRead(
    actor: Actor,
    request: FastifyRequest,
    action: string,
    complaintId: string,
  ): Promise<void> {
    if (!actor.roles.includes('auditor')) return;
    await this.audit.recordOwn(request, { action, kind: 'read', complaintId });
  }
}
