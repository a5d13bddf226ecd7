import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainError } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { compareCounts } from '../hotspots/significance';
import { localDate, Period } from '../read-models/periods';
import { TaxonomyProvider } from '../root-causes/taxonomy.provider';
import { ActionKind, RecordActionDto } from './dto/improvement-action.dto';

export interface ActionEffect {
  windowDays: number;
  /** complaints of the cause received in the windowDays before takenOn */
  before: number;
  /** ... from takenOn on, over `afterDays` (fewer than windowDays while it is recent) */
  after: number;
  afterDays: number;
  /** complaints per 30 days */
  ratePer30DaysBefore: number;
  ratePer30DaysAfter: number | null;
  change: number | null;
  pValue: number;
  significant: boolean;
}

export interface ImprovementAction {
  id: string;
  rootCauseCode: string;
  kind: ActionKind;
  ownerUnit: string;
  takenOn: string;
  recordedAt: string;
  effect: ActionEffect;
}

interface Row {
  id: string;
  root_cause_code: string;
  kind: ActionKind;
  owner_unit: string;
  taken_on: string;
  recorded_at: Date;
}

const DAY_MS = 86_400_000;

/** Actions against root causes, and the cause's complaint rate before and after each. */
@Injectable()
export class ImprovementActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyProvider,
    private readonly clock: Clock,
    private readonly config: AnalyticsConfig,
  ) {}

  async record(body: RecordActionDto, windowDays: number): Promise<ImprovementAction> {
    if (!this.taxonomy.taxonomy.get(body.rootCauseCode))
      throw new DomainError(
        'ROOT_CAUSE.UNKNOWN_CODE',
        422,
        `${body.rootCauseCode} is not in the taxonomy.`,
        [{ field: 'rootCauseCode', reason: 'not a code of the current taxonomy' }],
      );
    const [row] = (await this.dataSource.query(
      `INSERT INTO improvement_action (root_cause_code, kind, owner_unit, taken_on, recorded_at)
       VALUES ($1, $2, $3, $4, $5)
       RETURNING id, root_cause_code, kind, owner_unit, taken_on::text, recorded_at`,
      [body.rootCauseCode, body.kind, body.ownerUnit, body.takenOn, this.clock.now()],
    )) as Row[];
    return this.withEffect(row, windowDays);
  }

  /** Every action, or those taken within the period, newest first. */
  async list(windowDays: number, period?: Period): Promise<ImprovementAction[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, root_cause_code, kind, owner_unit, taken_on::text, recorded_at FROM improvement_action
        WHERE $1::date IS NULL OR (taken_on >= $1::date AND taken_on < $2::date)
        ORDER BY taken_on DESC, recorded_at DESC`,
      [period?.from ?? null, period?.to ?? null],
    )) as Row[];
    return Promise.all(rows.map((r) => this.withEffect(r, windowDays)));
  }

  private async withEffect(r: Row, windowDays: number): Promise<ImprovementAction> {
    const today = localDate(this.clock.now(), this.config.REPORT_TIME_ZONE);
    const afterDays = Math.max(
      0,
      Math.min(windowDays, Math.round((Date.parse(today) - Date.parse(r.taken_on)) / DAY_MS)),
    );
    const [{ before, after }] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE received_on < $2::date)::int AS before,
              count(*) FILTER (WHERE received_on >= $2::date)::int AS after
         FROM complaint_fact
        WHERE root_cause_code = $1
          AND received_on >= $2::date - $3::int AND received_on < $2::date + $4::int`,
      [r.root_cause_code, r.taken_on, windowDays, afterDays],
    )) as { before: number; after: number }[];
    const test =
      afterDays > 0
        ? compareCounts(after, before, this.config.HOTSPOT_ALPHA, {
            current: afterDays,
            previous: windowDays,
          })
        : { change: null, pValue: 1, significant: false };
    const per30 = (n: number, days: number) => Math.round((n / days) * 30 * 1000) / 1000;
    return {
      id: r.id,
      rootCauseCode: r.root_cause_code,
      kind: r.kind,
      ownerUnit: r.owner_unit,
      takenOn: r.taken_on,
      recordedAt: r.recorded_at.toISOString(),
      effect: {
        windowDays,
        before,
        after,
        afterDays,
        ratePer30DaysBefore: per30(before, windowDays),
        ratePer30DaysAfter: afterDays > 0 ? per30(after, afterDays) : null,
        change: test.change,
        pValue: test.pValue,
        significant: test.significant,
      },
    };
  }
}
