import { Client } from 'pg';
import { testInfra } from '@complaints/testing';
import { QueryTimeoutClient } from '../src/query-timeout-client';

jest.setTimeout(30_000);

describe('a connection the server ends while no query runs on it', () => {
  it('fails its next query instead of ending the process with an unheard error', async () => {
    const { databaseUrl } = await testInfra();
    const unheard: unknown[] = [];
    const onUncaught = (err: unknown): void => void unheard.push(err);
    process.on('uncaughtException', onUncaught);
    const client = new QueryTimeoutClient({ connectionString: databaseUrl });
    const admin = new Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      await admin.connect();
      const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
      // What a PostgreSQL restart does to every session: 57P01, admin_shutdown.
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(unheard).toEqual([]);
      await expect(client.query('SELECT 1')).rejects.toThrow();
    } finally {
      process.off('uncaughtException', onUncaught);
      await client.end().catch(() => undefined);
      await admin.end();
    }
  });
});
