/** One answer of a service's /health/ready. */
export interface HealthSample {
  /** ms since epoch, when the request was sent */
  t: number;
  /** ms until the answer (or the failure) */
  ms: number;
  service: string;
  /** the HTTP status, or why there was none */
  status: number | 'refused' | 'timeout';
  /** 200 and every indicator up: the service claims all is well */
  claimsHealthy: boolean;
  /** indicators not up (database, kafka, consumers, ...) */
  down: string[];
}

/** ms one readiness request may take; the services' own checks give up after 2 s each. */
const REQUEST_TIMEOUT_MS = 4000;

/**
 * Polls every service's /health/ready about once a second, one request per service at a time,
 * from start() to stop(), keeping every answer.
 */
export class HealthWatch {
  readonly samples: HealthSample[] = [];
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly services: { name: string; baseUrl: string }[],
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.services.map((s) => this.poll(s.name, s.baseUrl));
  }

  async stop(): Promise<HealthSample[]> {
    this.running = false;
    await Promise.all(this.loops);
    return this.samples;
  }

  private async poll(service: string, baseUrl: string): Promise<void> {
    while (this.running) {
      const started = Date.now();
      this.samples.push(await readiness(service, baseUrl));
      const wait = this.intervalMs - (Date.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** One readiness request, never throwing. */
export async function readiness(service: string, baseUrl: string): Promise<HealthSample> {
  const t = Date.now();
  try {
    const res = await fetch(`${baseUrl}/health/ready`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await res.json().catch(() => ({}))) as {
      status?: string;
      details?: Record<string, { status?: string }>;
    };
    const down = Object.entries(body.details ?? {})
      .filter(([, d]) => d?.status !== 'up')
      .map(([name, d]) => `${name}:${d?.status ?? '?'}`);
    const claimsHealthy = res.status === 200 && (body.status ?? 'ok') === 'ok' && !down.length;
    return { t, ms: Date.now() - t, service, status: res.status, claimsHealthy, down };
  } catch (err) {
    const name = (err as Error).name;
    const status = name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'refused';
    return { t, ms: Date.now() - t, service, status, claimsHealthy: false, down: [] };
  }
}
