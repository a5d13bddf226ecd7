import { IsIn, IsInt, Min } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';
import {
  CLOSURE_RESOLUTIONS,
  ClosureResolution,
  INVESTIGATION_OUTCOMES,
  InvestigationOutcome,
} from '../complaint.vocabulary';

/** How it ended (from `complaints.closed.v1`), with the number of reopenings on the way. */
export class ArchivedClosure {
  /** UTC. */
  @IsUtcTimestamp()
  closedAt: string;

  @IsIn(CLOSURE_RESOLUTIONS)
  resolution: ClosureResolution;

  @IsIn(INVESTIGATION_OUTCOMES)
  finalOutcome: InvestigationOutcome;

  /** >= 0. */
  @Min(0)
  @IsInt()
  reopenCount: number;
}
