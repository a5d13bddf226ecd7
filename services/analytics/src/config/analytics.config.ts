import { IsInt, IsNumber, IsString, Matches, Max, Min, Validate } from 'class-validator';
import { ServiceConfig, WithAuthConfig } from '@complaints/platform';
import { TimeZoneConstraint } from './time-zone.constraint';

export class AnalyticsConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3007;

  /**
   * The compacted complaints.archived.v1 is kept for ever, so its events can be redelivered
   * at any age: the inbox is kept for ever too (README, Retention).
   */
  override INBOX_RETENTION_DAYS: number = 0;

  /**
   * IANA zone whose calendar cuts periods: a complaint belongs to the month, quarter and year
   * of its receipt in this zone. Changing it needs `npm run analytics:rebuild`.
   */
  @IsString()
  @Validate(TimeZoneConstraint)
  REPORT_TIME_ZONE: string = 'Asia/Shanghai';

  /** Two-sided p-value below which a change against the previous period is flagged. */
  @IsNumber()
  @Min(0.0001)
  @Max(0.5)
  HOTSPOT_ALPHA: number = 0.05;

  /**
   * The live spike rule: a cluster (subcategory and product line) spikes when at least
   * SPIKE_MIN_COUNT of its complaints were received within SPIKE_WINDOW_DAYS and that is more
   * than chance against the SPIKE_BASELINE_DAYS before (the hotspot test, alpha HOTSPOT_ALPHA).
   * 0 turns the rule off.
   */
  @IsInt()
  @Min(0)
  @Max(100_000)
  SPIKE_MIN_COUNT: number = 10;

  /** days, 1..90 */
  @IsInt()
  @Min(1)
  @Max(90)
  SPIKE_WINDOW_DAYS: number = 7;

  /** days, 1..730 */
  @IsInt()
  @Min(1)
  @Max(730)
  SPIKE_BASELINE_DAYS: number = 28;

  /** Hotspots a report lists at most. */
  @IsInt()
  @Min(1)
  @Max(100)
  REPORT_HOTSPOTS: number = 10;

  /**
   * The font the report PDF is set in, which must have Chinese glyphs: a path, `path#Face`
   * for a face of a collection (.ttc). Empty: Debian's fonts-noto-cjk or fonts-wqy-zenhei,
   * whichever is installed (services/analytics/scripts/ensure-cjk-font.sh installs the first).
   */
  @IsString()
  REPORT_PDF_FONT: string = '';

  /**
   * Which reports are generated when their period closes: a comma list of monthly, quarterly,
   * yearly; empty generates none (reports stay on demand).
   */
  @Matches(/^((monthly|quarterly|yearly)(,(monthly|quarterly|yearly))*)?$/, {
    message: 'REPORT_SCHEDULES must be a comma list of monthly, quarterly, yearly',
  })
  REPORT_SCHEDULES: string = 'monthly,quarterly,yearly';

  /** The languages each scheduled report is generated in: a comma list of zh, en. */
  @Matches(/^(zh|en)(,(zh|en))*$/, {
    message: 'REPORT_SCHEDULE_LANGUAGES must be a comma list of zh, en',
  })
  REPORT_SCHEDULE_LANGUAGES: string = 'zh,en';

  /** ms between looks for a closed period; 0 turns the schedule's timer off. */
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  REPORT_SCHEDULE_INTERVAL_MS: number = 60_000;

  /**
   * hours after a period closes (local midnight in REPORT_TIME_ZONE) before its report is
   * generated, so records of its last day that are still being archived are in it; 0..720
   */
  @IsInt()
  @Min(0)
  @Max(720)
  REPORT_SCHEDULE_DELAY_HOURS: number = 0;
}
