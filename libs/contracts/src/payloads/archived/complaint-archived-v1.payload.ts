import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import { SHA256_HEX_PATTERN } from '../../validation/contract.patterns';
import { ArchivedAssignment } from './archived-assignment.payload';
import { ArchivedAuditEntry } from './archived-audit-entry.payload';
import { ArchivedClockHistory } from './archived-clock-history.payload';
import { ArchivedClassification } from './archived-classification.payload';
import { ArchivedClosure } from './archived-closure.payload';
import { ArchivedComplaintFacts } from './archived-complaint-facts.payload';
import { ArchivedDecision } from './archived-decision.payload';
import { ArchivedFeedback } from './archived-feedback.payload';
import { ArchivedSlaOutcome } from './archived-sla-outcome.payload';
import { ArchivedStage } from './archived-stage.payload';
import { NotificationProof } from '../notification/notification-proof.payload';
import { ArchivedMajorIncident } from './archived-major-incident.payload';
import { ArchivedReview } from './archived-review.payload';

/** Upper bound on list lengths, far above any real complaint, so one record stays bounded. */
const MAX_ENTRIES = 500;

/**
 * `complaints.archived.v1`: one complete, sealed, pseudonymised record per closed complaint for
 * analysts. The topic is compacted, so this record is the complaint's permanent history.
 * `sealHash` = SHA-256 of the canonical JSON of every other field (see `computeSealHash`),
 * so any later edit of the record is detectable.
 */
export class ComplaintArchivedV1 {
  /** Repeated from the envelope so the sealed record stands on its own. */
  @IsUUID()
  complaintId: string;

  @ValidateNested()
  @Type(() => ArchivedComplaintFacts)
  complaint: ArchivedComplaintFacts;

  @ValidateNested()
  @Type(() => ArchivedClassification)
  classification: ArchivedClassification;

  /** Every lifecycle event in the order it happened. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedStage)
  timeline: ArchivedStage[];

  @ValidateNested()
  @Type(() => ArchivedSlaOutcome)
  sla: ArchivedSlaOutcome;

  /** One per investigation round, round 1 first. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedDecision)
  decisions: ArchivedDecision[];

  /** Zero or more survey answers, oldest first. */
  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedFeedback)
  feedback: ArchivedFeedback[];

  @ValidateNested()
  @Type(() => ArchivedClosure)
  closure: ArchivedClosure;

  /**
   * Every time the case was given to a handler, oldest first, as recorded before the seal.
   * Absent in records sealed before assignments were archived.
   */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedAssignment)
  assignments?: ArchivedAssignment[];

  /**
   * The complaint's audit-trail entries recorded before the seal, oldest first, pseudonymised.
   * Entries after the seal stay in the archive's audit store only: a sealed record never changes.
   */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedAuditEntry)
  audit?: ArchivedAuditEntry[];

  /**
   * Each legal clock as the deadlines service last published it before the seal
   * (complaints.deadline-changed.v1, the breaches from complaints.deadline-breached.v1), with the
   * answer and closure the archive saw after it applied: deadlines, extensions with requester
   * and approver as pseudonyms, pauses, met or breached. Absent when no clock state arrived.
   */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ArchivedClockHistory)
  clockHistory?: ArchivedClockHistory;

  /**
   * Internal reviews the customer asked for, oldest first: who decided (pseudonymised) and
   * whether the reviewed decision was upheld or overturned. Absent when none was asked.
   */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => ArchivedReview)
  reviews?: ArchivedReview[];

  /**
   * The major incident (contingency plan) the complaint was part of, so analysts can count
   * major complaints. Absent when it was not part of one.
   */
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => ArchivedMajorIncident)
  majorIncident?: ArchivedMajorIncident;

  /**
   * Proof of notification of every message sent to the customer by closure, oldest first, as
   * feedback carried it on complaints.closed.v1: channel, masked address, content hash, template
   * and version, sent at, provider id, delivery status. No address in clear. Absent when none.
   */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => NotificationProof)
  notifications?: NotificationProof[];

  /** UTC. */
  @IsUtcTimestamp()
  sealedAt: string;

  @JSONSchema({ description: 'SHA-256 (hex) of the canonical JSON of all other fields' })
  @Matches(SHA256_HEX_PATTERN, { message: '$property must be a lower-case hex SHA-256 digest' })
  sealHash: string;
}
