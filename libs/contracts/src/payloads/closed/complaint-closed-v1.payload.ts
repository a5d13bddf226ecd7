import { IsIn } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import {
  CLOSURE_RESOLUTIONS,
  ClosureResolution,
  INVESTIGATION_OUTCOMES,
  InvestigationOutcome,
} from '../complaint.vocabulary';

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
}
