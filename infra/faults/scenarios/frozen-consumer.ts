import { Scenario } from '../scenario';
import { ServiceName } from '../stack';

/** s the consumer stays frozen: twice the session timeout the stack runs with (10 s). */
const FROZEN_MS = 20_000;

/**
 * SIGSTOP of a service for longer than its consumer session timeout, then SIGCONT: the broker
 * evicts the frozen member and rebalances; when it wakes up, whatever it was doing must not be
 * applied twice or out of order, and it must rejoin its groups.
 */
export function frozenConsumer(service: ServiceName): Scenario {
  return {
    name: `freeze-${service}`,
    description: `${service} frozen (SIGSTOP) ${FROZEN_MS / 1000} s, past its 10 s session timeout, then SIGCONT`,
    quick: false,
    inject: async ({ stack }) => {
      const start = Date.now();
      stack.services[service].freeze();
      await new Promise((r) => setTimeout(r, FROZEN_MS));
      stack.services[service].thaw();
      return { start, end: Date.now(), impaired: [], because: '' };
    },
  };
}
