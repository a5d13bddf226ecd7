/** Observations kept per partition at most (the oldest go first). */
const MAX_OBSERVATIONS = 2000;

interface Observation {
  /** the partition's end offset (high watermark) */
  end: number;
  /** ms since the epoch at which that end offset was first seen */
  at: number;
}

/**
 * When each partition's end offset was first seen to pass each value, from the scrapes: the
 * message at offset `o` was produced after the last observation whose end was `<= o` and no
 * later than the first whose end was `> o`. So `producedBy(o)` is a time at or after the
 * message's production: the age derived from it is a lower bound, short by at most one scrape
 * interval (or by the time before the first observation, for a message older than it).
 * Costs nothing on the broker: the end offsets are read for the lag anyway.
 */
export class OffsetHistory {
  private readonly partitions = new Map<string, Observation[]>();

  observe(partition: string, end: number, at: number): void {
    let seen = this.partitions.get(partition);
    if (!seen) this.partitions.set(partition, (seen = []));
    const last = seen[seen.length - 1];
    if (last && end <= last.end) return;
    seen.push({ end, at });
    if (seen.length > MAX_OBSERVATIONS) seen.splice(0, seen.length - MAX_OBSERVATIONS);
  }

  /** ms since the epoch by which the message at `offset` existed; undefined if never seen. */
  producedBy(partition: string, offset: number): number | undefined {
    const seen = this.partitions.get(partition) ?? [];
    // The first observation whose end passed the offset (ends increase along the array).
    let lo = 0;
    let hi = seen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seen[mid].end > offset) hi = mid;
      else lo = mid + 1;
    }
    return seen[lo]?.at;
  }
}
