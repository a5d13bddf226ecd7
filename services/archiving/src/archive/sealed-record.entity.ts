import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ComplaintArchivedV1 } from '@complaints/contracts';

/**
 * The one sealed record of a closed complaint, exactly as published on complaints.archived.v1.
 * The primary key is what makes sealing happen at most once per complaint.
 */
@Entity({ name: 'sealed_record' })
export class SealedRecord {
  @PrimaryColumn('uuid', { name: 'complaint_id' })
  complaintId: string;

  @Column('jsonb')
  record: ComplaintArchivedV1;

  /** SHA-256 hex of the record's canonical JSON without the hash (computeSealHash). */
  @Column('text', { name: 'seal_hash' })
  sealHash: string;

  @Column('timestamptz', { name: 'sealed_at' })
  sealedAt: Date;

  /** The eventId of the complaint.archived event that carried the record. */
  @Column('uuid', { name: 'archived_event_id' })
  archivedEventId: string;
}
