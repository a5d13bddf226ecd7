import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
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
}
