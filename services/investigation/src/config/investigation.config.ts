import { IsInt, IsNumber, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig, WithAuthConfig } from '@complaints/platform';

export class InvestigationConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3003;

  /**
   * The department whose handlers take cases routed to a department with no active handler,
   * so no complaint waits in a queue nobody works.
   */
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'FALLBACK_DEPARTMENT must be a department code' })
  FALLBACK_DEPARTMENT: string = 'complaints-office';

  /**
   * Natural days to decide a reopened case, counted from the reopening: an internal review is
   * decided within 30 days (CBIRC 2020 rules).
   */
  @IsInt()
  @Min(1)
  @Max(60)
  REVIEW_DECISION_DAYS: number = 30;

  /**
   * Repeats: the least text similarity (0..1, cosine of character n-grams) at which a complaint
   * of the same customer and policy is proposed as a repeat of their open one.
   */
  @IsNumber()
  @Min(0)
  @Max(1)
  REPEAT_SIMILARITY_MIN: number = 0.5;

  /** Major complaints: distinct complainants on one matter that make it a major incident. */
  @IsInt()
  @Min(2)
  @Max(100_000)
  MAJOR_COMPLAINANTS_MIN: number = 20;

  /** Major complaints: days of receipt one matter's complaints are gathered over. */
  @IsInt()
  @Min(1)
  @Max(365)
  MAJOR_WINDOW_DAYS: number = 7;

  /** Major complaints: the least text similarity (0..1) of complaints on one matter. */
  @IsNumber()
  @Min(0)
  @Max(1)
  MAJOR_SIMILARITY_MIN: number = 0.45;
}
