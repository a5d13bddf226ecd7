import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Clock } from '@complaints/platform';
import { caseScope } from '../cases/case-access.policy';
import { UNDECIDED_STATUSES } from '../cases/complaint-case.entity';
import type { CaseStatus } from '../cases/complaint-case.entity';
import { WorkloadDto } from './dto/workload.dto';
import { WorkloadQueryDto } from './dto/workload.query.dto';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DUE_WITHIN_DAYS = 3;
/** Due cases listed at most. */
const MAX_DUE_CASES = 200;

interface HandlerRow {
  handlerId: string;
  department: string;
  active: boolean;
  maxOpenCases: number;
  openCases: number;
  greenChannelCases: number;
  nearestDueAt: Date | null;
}

interface DueRow {
  complaintId: string;
  caseId: string;
  department: string;
  handlerId: string;
  status: CaseStatus;
  greenChannel: boolean;
  decisionDueAt: Date;
}

/** Who carries what, and what falls due: a supervisor's department, or every department. */
@Injectable()
export class WorkloadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async workload(actor: Actor, query: WorkloadQueryDto): Promise<WorkloadDto> {
    const scope = caseScope(actor);
    // A supervisor's own department always applies; their token's absence of one shows nothing.
    const own = scope.kind === 'department' ? (scope.department ?? '') : null;
    const asked = query.department ?? null;
    const dueWithinDays = query.dueWithinDays ?? DEFAULT_DUE_WITHIN_DAYS;
    const dueBefore = new Date(this.clock.now().getTime() + dueWithinDays * DAY_MS);
    const filter = `($1::text IS NULL OR x.department = $1) AND ($2::text IS NULL OR x.department = $2)`;
    const [handlers, due]: [HandlerRow[], DueRow[]] = await Promise.all([
      this.dataSource.query(
        `SELECT x.id AS "handlerId", x.department, x.active, x.max_open_cases AS "maxOpenCases",
                count(c.id)::int AS "openCases",
                (count(c.id) FILTER (WHERE c.green_channel))::int AS "greenChannelCases",
                min(c.decision_due_at) AS "nearestDueAt"
           FROM handler x
           LEFT JOIN complaint_case c ON c.handler_id = x.id AND c.status = ANY($3)
          WHERE ${filter}
          GROUP BY x.id
          ORDER BY x.department, x.id`,
        [own, asked, UNDECIDED_STATUSES],
      ),
      this.dataSource.query(
        `SELECT x.complaint_id AS "complaintId", x.id AS "caseId", x.department,
                x.handler_id AS "handlerId", x.status, x.green_channel AS "greenChannel",
                x.decision_due_at AS "decisionDueAt"
           FROM complaint_case x
          WHERE ${filter} AND x.status = ANY($3) AND x.decision_due_at < $4
          ORDER BY x.decision_due_at, x.id
          LIMIT ${MAX_DUE_CASES}`,
        [own, asked, UNDECIDED_STATUSES, dueBefore],
      ),
    ]);
    const department = own ?? asked;
    return {
      ...(department ? { department } : {}),
      dueWithinDays,
      handlers: handlers.map(({ nearestDueAt, ...h }) => ({
        ...h,
        ...(nearestDueAt ? { nearestDueAt: new Date(nearestDueAt).toISOString() } : {}),
      })),
      dueSoon: due.map((d) => ({ ...d, decisionDueAt: new Date(d.decisionDueAt).toISOString() })),
    };
  }
}
