import { KafkaObserver } from './observe-kafka';

/** ms between samples of the consumer groups. */
const INTERVAL_MS = 2000;

/**
 * Samples every consumer group's state and members during a scenario. A member id that
 * changes is a member that left or was evicted and joined again; a group not Stable is
 * rebalancing. Through a database outage a consumer should stay a healthy member (issue 8,
 * defect 3); after a kill or a freeze one rejoin is expected. Reported, not judged.
 */
export class GroupWatch {
  private readonly members = new Map<string, Set<string>>();
  private readonly unstable = new Map<string, number>();
  private samples = 0;
  private running = false;
  private loop?: Promise<void>;

  constructor(private readonly kafka: KafkaObserver) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const groups = await this.kafka.groups().catch(() => undefined);
        if (groups) {
          this.samples++;
          for (const g of groups) {
            const ids = this.members.get(g.group) ?? new Set<string>();
            g.members.forEach((m) => ids.add(m));
            this.members.set(g.group, ids);
            if (g.state !== 'Stable')
              this.unstable.set(g.group, (this.unstable.get(g.group) ?? 0) + 1);
          }
        }
        await new Promise((r) => setTimeout(r, INTERVAL_MS));
      }
    })();
  }

  /** One line per group that changed members or rebalanced, empty when none did. */
  async stop(): Promise<string[]> {
    this.running = false;
    await this.loop;
    const out: string[] = [];
    for (const [group, ids] of this.members) {
      const unstable = this.unstable.get(group) ?? 0;
      if (ids.size > 1 || unstable) {
        out.push(
          `${group}: ${ids.size} member ids, not Stable in ${unstable}/${this.samples} samples`,
        );
      }
    }
    return out;
  }
}
