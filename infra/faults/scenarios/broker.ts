import { connect } from 'net';
import { Scenario } from '../scenario';
import { FaultStack, SERVICES } from '../stack';

/**
 * SIGKILL of the broker mid-flow. `downMs` 0: restarted at once (the restart itself takes
 * ten to twenty seconds); otherwise it stays down that long first. Every service talks to the
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
      const { end, reachableAt } = await startBroker(stack);
      return {
        start,
        end,
        impairedUntil: reachableAt,
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
    const { end, reachableAt } = await startBroker(stack);
    return {
      start,
      end,
      impairedUntil: reachableAt,
      impaired: [...SERVICES],
      because: 'the broker was down',
    };
  },
};

/**
 * Starts the broker and notes when its port first accepted a connection: kafka.sh returns
 * only once the server log says it started, a few seconds after clients can reach it.
 */
export async function startBroker(
  stack: FaultStack,
): Promise<{ end: number; reachableAt?: number }> {
  let reachableAt: number | undefined;
  let starting = true;
  const watching = (async () => {
    while (starting && reachableAt === undefined) {
      if (await accepts(stack.broker.port)) reachableAt = Date.now();
      else await new Promise((r) => setTimeout(r, 250));
    }
  })();
  try {
    await stack.startBroker();
  } finally {
    starting = false;
    await watching;
  }
  return { end: Date.now(), reachableAt };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
