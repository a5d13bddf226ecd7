import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { IsUtcTimestamp, OptionalNotNull } from '../../validation/contract.decorators';
import {
  CLOSURE_RESOLUTIONS,
  ClosureResolution,
  INVESTIGATION_OUTCOMES,
  InvestigationOutcome,
} from '../complaint.vocabulary';
import { NotificationProof } from '../notification/notification-proof.payload';

/** `complaints.closed.v1`: no further handling; archiving seals the record after this. */
export class ComplaintClosedV1 {
  /** UTC. */
  @IsUtcTimestamp()
  closedAt: string;

  @IsIn(CLOSURE_RESOLUTIONS)
  resolution: ClosureResolution;

  /** The outcome of the last investigation round. */
  @IsIn(INVESTIGATION_OUTCOMES)
  finalOutcome: InvestigationOutcome;

  /**
   * Proof of every message sent to the customer by closure (channel, masked address, content
   * hash, template and version, sent at, provider id, delivery status), oldest first, for the
   * sealed record. Absent from closures published before proofs were carried.
   */
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => NotificationProof)
  messageProofs?: NotificationProof[];
}
