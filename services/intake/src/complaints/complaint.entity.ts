import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  AgeBand,
  IntakeChannel,
  Language,
  LifecycleStage,
  ProductLine,
} from '@complaints/contracts';

export interface CustomerRecord {
  customerId?: string;
  name: string;
  phone?: string;
  email?: string;
  idNumber?: string;
  /** the customer segment (contracts' CustomerSegment), kept with the customer's record */
  ageBand?: AgeBand;
  vulnerable?: boolean;
}

export interface ComplainedAboutRecord {
  staffId?: string;
  staffName?: string;
  unit?: string;
}

export interface AttachmentRecord {
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  location: string;
}

/** Where the complaint is now, as the lifecycle events report it. */
export type ComplaintStatus = LifecycleStage;

/**
 * A complaint as received, with the status view kept current from lifecycle events.
 * Personal data (customer) stays in this schema; events carry it only to the services that
 * handle the case, and the archive pseudonymises it.
 */
@Entity({ name: 'complaint' })
@Index('uq_complaint_caller_reference', ['callerSystem', 'externalReference'], { unique: true })
@Index('uq_complaint_reference_number', ['referenceNumber'], { unique: true })
export class Complaint {
  @PrimaryColumn('uuid')
  id: string;

  /** Human reference the customer can quote, e.g. CMP-2026-0000042. */
  @Column('text', { name: 'reference_number' })
  referenceNumber: string;

  @Column('text', { name: 'caller_system' })
  callerSystem: string;

  /** The calling system's own id for the complaint: the same one twice is the same complaint. */
  @Column('text', { name: 'external_reference' })
  externalReference: string;

  @Column('text')
  channel: IntakeChannel;

  @Column('text', { name: 'product_line' })
  productLine: ProductLine;

  @Column('text')
  language: Language;

  @Column('text')
  subject: string;

  @Column('text')
  description: string;

  @Column('text', { name: 'desired_outcome', nullable: true })
  desiredOutcome: string | null;

  @Column('jsonb')
  customer: CustomerRecord;

  @Column('jsonb', { name: 'complained_about', nullable: true })
  complainedAbout: ComplainedAboutRecord | null;

  @Column('text', { name: 'policy_number', nullable: true })
  policyNumber: string | null;

  @Column('timestamptz', { name: 'incident_occurred_at', nullable: true })
  incidentOccurredAt: Date | null;

  @Column('jsonb')
  attachments: AttachmentRecord[];

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('text')
  status: ComplaintStatus;

  /** When each stage was last reached: ISO 8601 UTC by stage. */
  @Column('jsonb', { name: 'stage_times' })
  stageTimes: Partial<Record<LifecycleStage, string>>;

  /** The department whose queue holds the case: from routing, then from each assignment. */
  @Column('text', { nullable: true })
  department: string | null;

  /** The handler (username at the identity provider) the case is assigned to now. */
  @Column('text', { name: 'handler_id', nullable: true })
  handlerId: string | null;

  /** The round of the latest letter (complaints.responded.v1); relayed answers name it. */
  @Column('integer', { name: 'responded_round', nullable: true })
  respondedRound: number | null;

  /** assignedAt of the newest assignment applied; an older one arriving late changes nothing. */
  @Column('timestamptz', { name: 'assigned_at', nullable: true })
  assignedAt: Date | null;

  @Column('timestamptz', { name: 'decision_due_at' })
  decisionDueAt: Date;

  /** occurredAt of the newest lifecycle event applied; older ones do not move the status back. */
  @Column('timestamptz', { name: 'status_changed_at' })
  statusChangedAt: Date;
}
