import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig, WithAuthConfig } from '@complaints/platform';

export class FeedbackConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3004;

  /** hours from sending the response until an unanswered survey closes the complaint as no_feedback */
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  SURVEY_WINDOW_HOURS: number = 72;

  /** Reopenings a complaint may have; dissatisfaction beyond them closes it as escalated. >= 0 */
  @IsInt()
  @Min(0)
  @Max(10)
  MAX_REOPENS: number = 1;

  /** Lowest rating (1-5) that, with `solved`, counts as satisfied. */
  @IsInt()
  @Min(1)
  @Max(5)
  SATISFIED_MIN_RATING: number = 3;

  /** ms between sweeps for surveys whose window has ended */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CLOSE_SWEEP_INTERVAL_MS: number = 1000;

  /** bytes; larger request bodies are refused with 413 (a survey is small) */
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024)
  MAX_BODY_BYTES: number = 16 * 1024;
}
