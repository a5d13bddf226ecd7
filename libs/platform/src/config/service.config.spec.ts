import { MIN_INBOX_RETENTION_DAYS } from '@complaints/messaging';
import { ConfigError, loadConfig } from './load-config';
import { ServiceConfig } from './service.config';

class AConfig extends ServiceConfig {
  override PORT: number = 3999;
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(AConfig, env);
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.problems;
  }
}

describe('ServiceConfig: connection limits and retention', () => {
  it('has bounded defaults, an inbox kept longer than any redelivery', () => {
    const config = loadConfig(AConfig, {});
    expect(config).toMatchObject({
      DATABASE_CONNECT_TIMEOUT_MS: 10_000,
      DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
      DATABASE_LOCK_TIMEOUT_MS: 10_000,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
      DATABASE_KEEPALIVE_MS: 10_000,
      OUTBOX_RETENTION_HOURS: 24,
      RETENTION_BATCH_ROWS: 1_000,
    });
    // 30 days of topic retention plus a 7-day segment, plus a day: 38; the default is a week more.
    expect(MIN_INBOX_RETENTION_DAYS).toBe(38);
    expect(config.INBOX_RETENTION_DAYS).toBe(45);
  });

  it('refuses an inbox retention shorter than an event can be redelivered, and allows 0 (for ever)', () => {
    const [problem] = problemsOf({ INBOX_RETENTION_DAYS: '7' });
    expect(problem).toMatch(/^INBOX_RETENTION_DAYS: .*0 \(keep for ever\) or at least 38/);
    expect(problemsOf({ INBOX_RETENTION_DAYS: String(MIN_INBOX_RETENTION_DAYS) })).toEqual([]);
    expect(loadConfig(AConfig, { INBOX_RETENTION_DAYS: '0' }).INBOX_RETENTION_DAYS).toBe(0);
  });

  it('refuses negative limits and a keepalive under a second, and allows 0 to turn one off', () => {
    const variables = problemsOf({
      DATABASE_CONNECT_TIMEOUT_MS: '-1',
      DATABASE_STATEMENT_TIMEOUT_MS: 'soon',
      DATABASE_KEEPALIVE_MS: '500',
      RETENTION_BATCH_ROWS: '0',
    }).map((p) => p.split(':')[0]);
    expect(new Set(variables)).toEqual(
      new Set([
        'DATABASE_CONNECT_TIMEOUT_MS',
        'DATABASE_STATEMENT_TIMEOUT_MS',
        'DATABASE_KEEPALIVE_MS',
        'RETENTION_BATCH_ROWS',
      ]),
    );
    expect(
      problemsOf({
        DATABASE_KEEPALIVE_MS: '0',
        DATABASE_STATEMENT_TIMEOUT_MS: '0',
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
      }),
    ).toEqual([]);
  });
});
