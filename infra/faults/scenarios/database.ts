import { Scenario } from '../scenario';
import { SERVICES } from '../stack';

/**
 * pg_ctl restart -m fast mid-flow: every connection of every pool is dropped at once, open
 * transactions roll back, and the server is back within a second or so.
 */
export const postgresRestart: Scenario = {
  name: 'postgres-restart',
  description: 'PostgreSQL restarted (pg_ctl restart -m fast) mid-flow',
  quick: true,
  inject: async ({ stack }) => {
    const start = Date.now();
    await stack.postgres.restart();
    const end = Date.now();
    return {
      start,
      end,
      impaired: [...SERVICES],
      because: 'the database was restarting',
      notes: [`database away ${((end - start) / 1000).toFixed(1)} s`],
    };
  },
};

/**
 * The database unreachable for the outage length: every server process SIGKILLed (a crash),
 * then started again, which runs crash recovery. Consumers must wait it out as healthy group
 * members, relays must resume, and every service must say it is not ready meanwhile.
 */
export const postgresDown: Scenario = {
  name: 'postgres-down',
  description: 'PostgreSQL killed (SIGKILL) and kept down for the outage length, then started',
  quick: false,
  inject: async ({ stack, mode }) => {
    const start = Date.now();
    await stack.postgres.kill();
    const left = start + mode.outageMs - Date.now();
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    await stack.postgres.start();
    return { start, end: Date.now(), impaired: [...SERVICES], because: 'the database was down' };
  },
};
