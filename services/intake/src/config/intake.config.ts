import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '@complaints/platform';

export class IntakeConfig extends ServiceConfig {
  override PORT: number = 3001;

  /** Natural days from receipt to the decision, the legal default before routing sets its own. */
  @IsInt()
  @Min(1)
  @Max(60)
  DECISION_DAYS: number = 15;

  /** bytes; larger request bodies are refused with 413 */
  @IsInt()
  @Min(1024)
  @Max(10 * 1024 * 1024)
  MAX_BODY_BYTES: number = 256 * 1024;
}
