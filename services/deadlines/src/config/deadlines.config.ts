import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { ServiceConfig, WithAuthConfig } from '@complaints/platform';
import { POLICIES } from '../policy/clock-policy';

function minutesList({ value }: { value: unknown }): unknown {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean)
        .map(Number)
    : value;
}

export class DeadlinesConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3006;

  /** IANA zone whose natural days the deadlines count (the insurer's). */
  @IsString()
  @MinLength(1)
  DEADLINES_TIME_ZONE: string = 'Asia/Shanghai';

  /** `<id>@<version>` of the policy new complaints start under. */
  @IsIn(POLICIES.map((p) => `${p.id}@${p.version}`))
  DEADLINES_POLICY: string = 'cn-2020@1';

  /**
   * minutes before a deadline to warn, comma-separated (e.g. `4320,1440`); unset: the policy's.
   * Warnings only: deadlines never depend on it. `..._GREEN_...`: the green channel's.
   */
  @IsOptional()
  @Transform(minutesList)
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60 * 24 * 60, { each: true })
  DEADLINES_WARNING_LEAD_MINUTES?: number[];

  @IsOptional()
  @Transform(minutesList)
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(60 * 24 * 60, { each: true })
  DEADLINES_GREEN_WARNING_LEAD_MINUTES?: number[];

  /**
   * Policies by the calling system that submitted the complaint (its jurisdiction):
   * `callerSystem=<id>@<version>` pairs, comma-separated, e.g. `uk-web=uk-fca@1`. Others get
   * DEADLINES_POLICY.
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : value,
  )
  @Matches(/^[A-Za-z0-9._-]{1,64}=[a-z0-9-]+@\d+$/, {
    each: true,
    message: 'DEADLINES_POLICY_BY_CALLER_SYSTEM must be callerSystem=<policy>@<version>[,...]',
  })
  DEADLINES_POLICY_BY_CALLER_SYSTEM?: string[];

  /**
   * `on` allows test-only policies (`test-seconds@1`: a day of one second) in DEADLINES_POLICY
   * and DEADLINES_POLICY_BY_CALLER_SYSTEM; `off` (the default) refuses to start with one.
   * For the end-to-end suite; never on in production.
   */
  @IsIn(['on', 'off'])
  DEADLINES_TEST_POLICIES: 'on' | 'off' = 'off';

  /** ms between sweeps for warnings and breaches; 0: no timer (tests sweep by hand). */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  DEADLINES_SWEEP_INTERVAL_MS: number = 30_000;

  /** complaints per sweep transaction */
  @IsInt()
  @Min(1)
  @Max(5000)
  DEADLINES_SWEEP_BATCH: number = 200;
}
