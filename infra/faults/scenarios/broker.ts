import { Scenario } from '../scenario';
import { SERVICES } from '../stack';

/**
 * SIGKILL of the broker mid-flow. `downMs` 0: restarted at once (the restart itself takes
 * about ten seconds); otherwise it stays down that long first. Every service talks to the
 * broker, so every one must say it is not ready while it is gone.
 */
export function brokerKill(
  name: string,
  downMs: (quick: boolean) => number,
  quick: boolean,
): Scenario {
  return {
    name,
    description: 'SIGKILL of the Kafka broker mid-flow, then a restart',
    quick,
    inject: async ({ stack, mode }) => {
      const start = Date.now();
      await stack.killBroker();
      const down = downMs(mode.quick);
      if (down > 0) await new Promise((r) => setTimeout(r, down));
      await stack.broker.start();
      const end = Date.now();
      return {
        start,
        end,
        impaired: [...SERVICES],
        because: 'the broker was down',
        notes: [`broker down ${((end - start) / 1000).toFixed(1)} s (restart included)`],
      };
    },
  };
}

/** The broker stopped (SIGTERM, a controlled shutdown) for the outage length, then started. */
export const brokerDown: Scenario = {
  name: 'broker-down',
  description: 'the Kafka broker stopped for the outage length, then started',
  quick: false,
  inject: async ({ stack, mode }) => {
    const start = Date.now();
    await stack.broker.stop();
    const left = start + mode.outageMs - Date.now();
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    await stack.broker.start();
    return { start, end: Date.now(), impaired: [...SERVICES], because: 'the broker was down' };
  },
};
