import { IsBoolean } from 'class-validator';
import { IsUtcTimestamp } from '../../validation/contract.decorators';

/** Whether the first decision met the deadline set at routing (extensions included). */
export class ArchivedSlaOutcome {
  /** UTC. */
  @IsUtcTimestamp()
  decisionDueAt: string;

  /** First-round `decidedAt` (UTC). */
  @IsUtcTimestamp()
  decidedAt: string;

  /** decidedAt <= decisionDueAt. */
  @IsBoolean()
  met: boolean;
}
