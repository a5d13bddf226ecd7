import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type {
  ComplaintCategory,
  ComplaintSummary,
  Priority,
  ReviewRequest,
  Severity,
} from '@complaints/contracts';

export const CASE_STATUSES = ['open', 'decided', 'reopened'] as const;
/** open: first round undecided; decided: this round decided; reopened: a later round undecided. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses that count towards a handler's load. */
export const UNDECIDED_STATUSES: readonly CaseStatus[] = ['open', 'reopened'];

/** One complaint under investigation; a reopened complaint keeps its case and starts a new round. */
@Entity({ name: 'complaint_case' })
@Index('uq_complaint_case_complaint_id', ['complaintId'], { unique: true })
export class ComplaintCase {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** The queue the case sits in: the routed department, or the fallback when it has nobody. */
  @Column('text')
  department: string;

  /** The department classification routed to, kept so a fallback assignment can be explained. */
  @Column('text', { name: 'routed_department' })
  routedDepartment: string;

  @Column('text', { name: 'handler_id' })
  handlerId: string;

  @Column('text')
  status: CaseStatus;

  /** 1 for the first investigation, +1 per reopening. */
  @Column('integer')
  round: number;

  @Column('text')
  category: ComplaintCategory;

  @Column('text')
  subcategory: string;

  @Column('text')
  severity: Severity;

  @Column('text')
  priority: Priority;

  @Column('boolean', { name: 'green_channel' })
  greenChannel: boolean;

  @Column('timestamptz', { name: 'decision_due_at' })
  decisionDueAt: Date;

  /** What the complaint is about, when the routed event carried it (no personal data). */
  @Column('jsonb', { name: 'summary', nullable: true })
  complaint: ComplaintSummary | null;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt: Date;

  @Column('timestamptz', { name: 'reopened_at', nullable: true })
  reopenedAt: Date | null;

  /** When the current round was decided; null while it is undecided. */
  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('integer', { name: 'reopen_count' })
  reopenCount: number;

  /** The routed or reopened event that started the current round: the decision's causation. */
  @Column('uuid', { name: 'trigger_event_id' })
  triggerEventId: string;

  @Column('uuid', { name: 'correlation_id' })
  correlationId: string;

  /** Employee number of the staff member the complaint is about (recusal); null: nobody named. */
  @Column('text', { name: 'complained_about_staff_id', nullable: true })
  complainedAboutStaffId: string | null;

  @Column('text', { name: 'complained_about_unit', nullable: true })
  complainedAboutUnit: string | null;

  /** Set while the current round is the customer's internal review; null for other rounds. */
  @Column('jsonb', { name: 'review', nullable: true })
  review: ReviewRequest | null;

  @VersionColumn()
  version: number;
}
