import { Injectable } from '@nestjs/common';
import { Clock } from '@complaints/platform';
import { AnalyticsConfig } from '../config/analytics.config';
import { compareCounts } from '../hotspots/significance';
import { ComplaintFactRow } from '../read-models/complaint.projection';
import { Query } from '../read-models/read-model.writer';

const DAY_MS = 86_400_000;

/**
 * The live spike rule, run in the inbox transaction of every archived record. A window is
 * SPIKE_WINDOW_DAYS of receipts, against the SPIKE_BASELINE_DAYS before it; the densest
 * window of the complaint's cluster that holds the complaint is tested. When the cluster (subcategory and product line) has at least
 * SPIKE_MIN_COUNT complaints in the window and more than chance explains (the conditional
 * binomial test, exposure in days), a root-cause item opens for the complaints officer, linked
 * to the window's complaints; while it is open, the cluster's complaints received since the
 * window began join it.
 * Records reach analytics when sealed, after closure, so "live" is as soon as the archive has
 * them, dated by receipt.
 */
@Injectable()
export class SpikeRule {
  constructor(
    private readonly config: AnalyticsConfig,
    private readonly clock: Clock,
  ) {}

  async apply(query: Query, fact: ComplaintFactRow): Promise<void> {
    const c = this.config;
    if (c.SPIKE_MIN_COUNT === 0) return;
    const cluster = `subcategory=${fact.subcategory}|productLine=${fact.product_line}`;
    const [open] = (await query(
      `SELECT id, window_from FROM root_cause_item WHERE cluster = $1 AND status = 'open' FOR UPDATE`,
      [cluster],
    )) as { id: string; window_from: Date }[];
    if (open) {
      // A late record from before the spike (its baseline) does not join it.
      if (Date.parse(fact.received_at) >= open.window_from.getTime())
        await this.link(query, open.id, [fact.complaint_id]);
      return;
    }
    const t = new Date(Date.parse(fact.received_at));
    const w = `${c.SPIKE_WINDOW_DAYS} days`;
    const b = `${c.SPIKE_BASELINE_DAYS} days`;
    // Records arrive in any order across partitions, so every window that holds this complaint
    // is a candidate (one ending at it or at a later complaint of the cluster within a window):
    // the densest is tested. Whatever the order, once a spike's last record is here, it is seen.
    const [best] = (await query(
      `WITH cl AS (
         SELECT received_at FROM complaint_fact
          WHERE subcategory = $1 AND product_line = $2
            AND received_at > $3::timestamptz - $4::interval - $5::interval
            AND received_at < $3::timestamptz + $4::interval)
       SELECT e.received_at AS window_to,
              (SELECT count(*) FROM cl WHERE cl.received_at > e.received_at - $4::interval
                 AND cl.received_at <= e.received_at)::int AS n,
              (SELECT count(*) FROM cl WHERE cl.received_at > e.received_at - $4::interval - $5::interval
                 AND cl.received_at <= e.received_at - $4::interval)::int AS baseline
         FROM cl e WHERE e.received_at >= $3::timestamptz
        ORDER BY n DESC, e.received_at LIMIT 1`,
      [fact.subcategory, fact.product_line, t, w, b],
    )) as { window_to: Date; n: number; baseline: number }[];
    if (!best || best.n < c.SPIKE_MIN_COUNT) return;
    const to = best.window_to;
    const from = new Date(to.getTime() - c.SPIKE_WINDOW_DAYS * DAY_MS);
    const test = compareCounts(best.n, best.baseline, c.HOTSPOT_ALPHA, {
      current: c.SPIKE_WINDOW_DAYS,
      previous: c.SPIKE_BASELINE_DAYS,
    });
    if (!test.significant || test.z <= 0) return;
    const [item] = (await query(
      `INSERT INTO root_cause_item (cluster, subcategory, product_line, window_from, window_to,
                                    window_count, baseline_count, p_value, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (cluster) WHERE status = 'open' DO NOTHING RETURNING id`,
      [
        cluster,
        fact.subcategory,
        fact.product_line,
        from,
        to,
        best.n,
        best.baseline,
        test.pValue,
        this.clock.now(),
      ],
    )) as { id: string }[];
    // The spike's complaints: every one of the cluster received since its window began.
    if (item)
      await query(
        `INSERT INTO root_cause_item_complaint (item_id, complaint_id)
         SELECT $1, complaint_id FROM complaint_fact
          WHERE subcategory = $2 AND product_line = $3 AND received_at > $4
         ON CONFLICT DO NOTHING`,
        [item.id, fact.subcategory, fact.product_line, from],
      );
  }

  private async link(query: Query, itemId: string, complaintIds: string[]): Promise<void> {
    await query(
      `INSERT INTO root_cause_item_complaint (item_id, complaint_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [itemId, complaintIds],
    );
  }
}
