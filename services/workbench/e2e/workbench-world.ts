import { ChildProcess, execFile, spawn } from 'child_process';
import { createServer } from 'net';
import { resolve } from 'path';
import { promisify } from 'util';
import { chromium, Browser, BrowserContext, Page } from 'playwright-core';
import { PipelineClient, SAMPLE_COMPLAINTS, SampleComplaint } from '@complaints/pipeline-client';
import {
  configuredIssuer,
  demoTokens,
  nodeArgs,
  testIdentity,
  TestIdentity,
  waitFor,
} from '@complaints/testing';
// The end-to-end suite's harness (five services as processes on private schemas and a topic
// prefix, an intake key): reused as it is rather than copied.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { PipelineWorld, startPipeline } from '../../pipeline-e2e/test/pipeline-world';
import { InsightServices } from './insight-services';
import { PrometheusWatch } from './prometheus-watch';

const ROOT = resolve(__dirname, '../../..');
/**
 * The realm's workbench client redirects only to port 3000 (127.0.0.1 and localhost), so the
 * test's workbench listens there: a workbench of `npm start` must not be running meanwhile.
 */
export const WORKBENCH_PORT = 3000;
export const WORKBENCH_URL = `http://127.0.0.1:${WORKBENCH_PORT}`;
export const SCREENSHOTS = resolve(ROOT, '.data/workbench-screenshots');
const REPEAT_KEY = 'workbench-e2e-repeat-key-not-a-secret-0123456789';

export interface OpenCase {
  complaintId: string;
  handlerId: string;
  department: string;
  status: string;
}

async function run(script: string): Promise<string> {
  const { stdout } = await promisify(execFile)('bash', [resolve(ROOT, script)], {
    cwd: ROOT,
    timeout: 300_000,
  });
  return stdout.trim();
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer()
      .once('error', () => done(false))
      .listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** The stack, the workbench in front of it, a browser, and the people's tokens for checks. */
export class WorkbenchWorld {
  pipeline!: PipelineWorld;
  /** deadlines and analytics, on the pipeline's topics (the analysts' and operators' pages). */
  insight!: InsightServices;
  /** Prometheus scraping every service of the world each second (the operators' charts). */
  prometheus = new PrometheusWatch();
  identity!: TestIdentity;
  browser!: Browser;
  private server?: ChildProcess;
  private output: string[] = [];
  private contexts: BrowserContext[] = [];
  /** One password grant per person for the whole run (each is a sign-in Keycloak counts). */
  private readonly tokens = demoTokens();

  async start(): Promise<void> {
    if (!(await portFree(WORKBENCH_PORT))) {
      throw new Error(
        `port ${WORKBENCH_PORT} is taken (a workbench of npm start?): the realm's workbench client redirects only there`,
      );
    }
    const [browserPath] = await Promise.all([
      run('infra/bin/ensure-chromium.sh'),
      run('services/workbench/scripts/build.sh'),
      run('infra/bin/ensure-prometheus.sh'),
    ]);
    this.identity = await testIdentity();
    // Intake's repeat key: complaints of one customer and policy are matched as repeats.
    this.pipeline = await startPipeline({ env: { REPEAT_KEY } });
    this.insight = new InsightServices(this.pipeline.prefix);
    await this.insight.start();
    const urls = { ...this.pipeline.urls, ...this.insight.urls() };
    await this.prometheus.start(urls);
    this.server = spawn(process.execPath, await nodeArgs('services/workbench/src/main.ts', ROOT), {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(WORKBENCH_PORT),
        HOST: '127.0.0.1',
        OIDC_ISSUER: configuredIssuer(),
        LOG_LEVEL: 'warn',
        PROMETHEUS_URL: this.prometheus.url,
        ...Object.fromEntries(
          Object.entries(urls).map(([s, url]) => [`${s.toUpperCase()}_URL`, url]),
        ),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer): void => {
      this.output.push(chunk.toString());
      if (this.output.length > 100) this.output.shift();
    };
    this.server.stdout?.on('data', keep);
    this.server.stderr?.on('data', keep);
    await waitFor(
      'the workbench to answer /health/ready',
      async () => {
        if (this.server?.exitCode !== null) throw new Error(this.output.join(''));
        return (await fetch(`${WORKBENCH_URL}/health/ready`)).ok;
      },
      60_000,
      200,
    );
    this.browser = await chromium.launch({
      executablePath: browserPath,
      headless: true,
      // Containers without user namespaces cannot run Chromium's sandbox.
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => undefined)));
    await this.browser?.close().catch(() => undefined);
    const server = this.server;
    if (server && server.exitCode === null) {
      await new Promise<void>((done) => {
        server.once('exit', () => done());
        server.kill('SIGTERM');
        setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
      });
    }
    await this.prometheus.stop();
    await this.insight?.close();
    await this.pipeline?.close();
  }

  /** A GET of a service's API with a person's token: what the service itself answers. */
  async apiAs<T>(username: string, url: string): Promise<T> {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${await this.tokens(username)}` },
    });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    return (await res.json()) as T;
  }

  /** A POST to a service's API with a person's token (a step the screens do not offer). */
  async postAs<T>(username: string, url: string, body: unknown): Promise<T> {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await this.tokens(username)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** Submits complaints through intake as the calling system, and waits for their cases. */
  async submit(samples: SampleComplaint[]): Promise<OpenCase[]> {
    const client = new PipelineClient(this.pipeline.urls, { apiKey: this.pipeline.apiKey });
    const accepted = [];
    for (const [i, sample] of samples.entries()) {
      accepted.push(await client.submit(sample, `wb-${Date.now()}-${i}`));
    }
    return Promise.all(
      accepted.map((a) => waitFor(`the case of ${a.id}`, () => this.findCase(a.id), 60_000, 250)),
    );
  }

  /** The case as investigation holds it, read with a complaints officer's token. */
  async findCase(complaintId: string): Promise<OpenCase | undefined> {
    const res = await fetch(`${this.pipeline.urls.investigation}/v1/cases/${complaintId}`, {
      headers: { authorization: `Bearer ${await this.tokens('officer')}` },
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`investigation answered ${res.status}`);
    return (await res.json()) as OpenCase;
  }

  /** A new browser session signed in through the identity provider's own login page. */
  async signIn(username: string, path = '/'): Promise<Page> {
    const context = await this.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    this.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${WORKBENCH_URL}${path}`);
    await page.waitForURL((url) => url.href.startsWith(configuredIssuer()), { timeout: 30_000 });
    const password = this.identity.users.find((u) => u.username === username)?.password ?? 'demo';
    // Keycloak turns away a sign-in that overlaps another of the same person (brute-force
    // protection, "user temporarily disabled"); another suite may be signing them in: retry.
    for (let attempt = 1; ; attempt++) {
      await page.fill('#username', username);
      await page.fill('#password', password);
      await page.click('#kc-login');
      const outcome = await Promise.race([
        page
          .waitForURL((url) => url.href.startsWith(WORKBENCH_URL), { timeout: 30_000 })
          .then(
            () => 'in' as const,
            () => 'timeout' as const,
          ),
        page
          .locator('#input-error-username')
          .waitFor({ timeout: 30_000 })
          .then(
            () => 'refused' as const,
            () => 'timeout' as const,
          ),
      ]);
      if (outcome === 'in') break;
      if (outcome === 'timeout' || attempt === 3) {
        throw new Error(
          `Keycloak refused ${username}: ${await page.locator('#input-error-username').textContent()}`,
        );
      }
      await page.waitForTimeout(2_000 * attempt);
    }
    await page.getByTestId('who').waitFor({ timeout: 30_000 });
    return page;
  }

  async screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
  }
}

/**
 * Claims complaints (classification routes them to the claims department): Chinese motor
 * claims on the standard 15 days, and an English refused hospital claim on the green channel.
 */
export function claimsComplaints(count: number): SampleComplaint[] {
  const motor = SAMPLE_COMPLAINTS[0];
  const hospital = SAMPLE_COMPLAINTS[1];
  return [
    ...Array.from({ length: count }, (_, i) => ({
      ...motor,
      subject: `${motor.subject}（第${i + 1}件）`,
    })),
    hospital,
  ];
}
