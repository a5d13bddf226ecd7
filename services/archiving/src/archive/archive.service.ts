import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ComplaintArchivedV1 } from '@complaints/contracts';
import { ArchiveErrors } from './archive.errors';
import { inOrder } from './archive-record.builder';
import { SealedRecord } from './sealed-record.entity';
import { StoredEvent } from './stored-event.types';
import { TimelineEvent } from './timeline-event.entity';

/** The archive's read side: sealed records and timelines, both already pseudonymised. */
@Injectable()
export class ArchiveService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sealedRecord(complaintId: string): Promise<ComplaintArchivedV1> {
    const sealed = await this.dataSource.getRepository(SealedRecord).findOneBy({ complaintId });
    if (!sealed) throw ArchiveErrors.notFound(complaintId);
    return sealed.record;
  }

  /** Every event recorded for the complaint, in the order the sealed record lists them. */
  async timeline(complaintId: string): Promise<StoredEvent[]> {
    const rows = await this.dataSource.getRepository(TimelineEvent).findBy({ complaintId });
    if (rows.length === 0) throw ArchiveErrors.noTimeline(complaintId);
    return inOrder(rows.map((row) => row.toStoredEvent()));
  }
}
