import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ComplaintArchivedV1 } from '@complaints/contracts';
import { EVENT_TYPES } from '@complaints/contracts';
import { AuditRecord } from '../audit/audit-record.entity';
import { archivedAuditEntry } from './archive-audit.builder';
import { ArchivedAuditEntries, inOrder } from './archive-record.builder';
import { ArchiveErrors } from './archive.errors';
import { Pseudonymiser } from './pseudonymiser';
import { SealedRecord } from './sealed-record.entity';
import { StoredEvent } from './stored-event.types';
import { TimelineEvent } from './timeline-event.entity';

/** An audit entry in the timeline, pseudonymised as in the sealed record. */
export interface AuditTimelineItem {
  eventId: string;
  complaintId: string;
  type: typeof EVENT_TYPES.audited;
  version: 1;
  occurredAt: string;
  producer: string;
  correlationId: string;
  causationId: string | null;
  payload: ArchivedAuditEntries[number];
}

export type TimelineItem = StoredEvent | AuditTimelineItem;

/** The archive's read side: sealed records and timelines, both already pseudonymised. */
@Injectable()
export class ArchiveService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  async sealedRecord(complaintId: string): Promise<ComplaintArchivedV1> {
    const sealed = await this.dataSource.getRepository(SealedRecord).findOneBy({ complaintId });
    if (!sealed) throw ArchiveErrors.notFound(complaintId);
    return sealed.record;
  }

  /**
   * Every event recorded for the complaint in the order the sealed record lists them, with its
   * audit entries (including those after the seal) merged in by time.
   */
  async timeline(complaintId: string): Promise<TimelineItem[]> {
    const [rows, audit] = await Promise.all([
      this.dataSource.getRepository(TimelineEvent).findBy({ complaintId }),
      this.dataSource.getRepository(AuditRecord).findBy({ complaintId }),
    ]);
    if (rows.length === 0 && audit.length === 0) throw ArchiveErrors.noTimeline(complaintId);
    const events: TimelineItem[] = inOrder(rows.map((row) => row.toStoredEvent()));
    const entries = audit
      .map((row) => this.asTimelineItem(row, complaintId))
      .sort((a, b) => byTimeThenId(a, b));
    return mergeByTime(events, entries);
  }

  private asTimelineItem(row: AuditRecord, complaintId: string): AuditTimelineItem {
    return {
      eventId: row.eventId,
      complaintId,
      type: EVENT_TYPES.audited,
      version: 1,
      occurredAt: row.at.toISOString(),
      producer: row.service,
      correlationId: row.correlationId,
      causationId: row.causationId,
      payload: archivedAuditEntry(row, this.pseudonymiser),
    };
  }
}

function byTimeThenId(a: TimelineItem, b: TimelineItem): number {
  return (
    Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)
  );
}

/** Both lists sorted; an audit entry goes after the events of its instant. */
function mergeByTime(events: TimelineItem[], entries: TimelineItem[]): TimelineItem[] {
  const merged: TimelineItem[] = [];
  let i = 0;
  for (const entry of entries) {
    while (i < events.length && Date.parse(events[i].occurredAt) <= Date.parse(entry.occurredAt))
      merged.push(events[i++]);
    merged.push(entry);
  }
  return [...merged, ...events.slice(i)];
}
