import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, DomainError } from '@complaints/platform';
import { TaxonomyProvider } from '../root-causes/taxonomy.provider';

export interface RootCauseItem {
  id: string;
  cluster: { subcategory: string; productLine: string };
  window: { from: string; to: string; complaints: number; baseline: number; pValue: number };
  openedAt: string;
  status: 'open' | 'closed';
  rootCauseCode: string | null;
  closedAt: string | null;
  /** the complaints behind it (ids of the pseudonymised records) */
  complaintIds: string[];
}

interface Row {
  id: string;
  subcategory: string;
  product_line: string;
  window_from: Date;
  window_to: Date;
  window_count: number;
  baseline_count: number;
  p_value: number;
  opened_at: Date;
  status: 'open' | 'closed';
  root_cause_code: string | null;
  closed_at: Date | null;
  complaint_ids: string[];
}

const SELECT = `SELECT i.*, coalesce(array_agg(c.complaint_id::text ORDER BY c.complaint_id)
                  FILTER (WHERE c.complaint_id IS NOT NULL), '{}') AS complaint_ids
                  FROM root_cause_item i LEFT JOIN root_cause_item_complaint c ON c.item_id = i.id`;

@Injectable()
export class RootCauseItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyProvider,
    private readonly clock: Clock,
  ) {}

  async list(status?: 'open' | 'closed'): Promise<RootCauseItem[]> {
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE $1::text IS NULL OR i.status = $1 GROUP BY i.id ORDER BY i.opened_at DESC, i.id`,
      [status ?? null],
    )) as Row[];
    return rows.map(toItem);
  }

  /** The officer names the cause found; the item closes and a later spike opens a new one. */
  async close(id: string, rootCauseCode: string): Promise<RootCauseItem> {
    if (!this.taxonomy.taxonomy.get(rootCauseCode))
      throw new DomainError(
        'ROOT_CAUSE.UNKNOWN_CODE',
        422,
        `${rootCauseCode} is not in version ${this.taxonomy.taxonomy.version} of the taxonomy.`,
        [{ field: 'rootCauseCode', reason: 'not a code of the current taxonomy' }],
      );
    const [[found], closed] = (await this.dataSource.query(
      `UPDATE root_cause_item SET status = 'closed', root_cause_code = $2, closed_at = $3
        WHERE id = $1 AND status = 'open' RETURNING id`,
      [id, rootCauseCode, this.clock.now()],
    )) as [{ id: string }[], number];
    if (!found || closed === 0) {
      const exists = (await this.dataSource.query(`SELECT 1 FROM root_cause_item WHERE id = $1`, [
        id,
      ])) as unknown[];
      throw exists.length
        ? new DomainError('ROOT_CAUSE_ITEM.CLOSED', 409, `Root-cause item ${id} is closed already.`)
        : new DomainError('ROOT_CAUSE_ITEM.NOT_FOUND', 404, `No root-cause item ${id}.`);
    }
    const [row] = (await this.dataSource.query(`${SELECT} WHERE i.id = $1 GROUP BY i.id`, [
      id,
    ])) as Row[];
    return toItem(row);
  }
}

function toItem(r: Row): RootCauseItem {
  return {
    id: r.id,
    cluster: { subcategory: r.subcategory, productLine: r.product_line },
    window: {
      from: r.window_from.toISOString(),
      to: r.window_to.toISOString(),
      complaints: r.window_count,
      baseline: r.baseline_count,
      pValue: r.p_value,
    },
    openedAt: r.opened_at.toISOString(),
    status: r.status,
    rootCauseCode: r.root_cause_code,
    closedAt: r.closed_at ? r.closed_at.toISOString() : null,
    complaintIds: r.complaint_ids,
  };
}
