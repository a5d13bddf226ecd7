import { Scenario } from '../scenario';
import { ServiceName } from '../stack';

/**
 * SIGKILL of one service in the middle of a batch (half the complaints sent, events flowing),
 * then a restart. Its consumers' uncommitted offsets are redelivered and its outbox rows that
 * were published but not yet marked sent are published again: the inboxes must absorb both.
 */
export function serviceKill(service: ServiceName, quick: boolean): Scenario {
  return {
    name: `kill-${service}`,
    description: `SIGKILL of ${service} mid-batch, then a restart`,
    quick,
    inject: async ({ stack }) => {
      const start = Date.now();
      await stack.services[service].kill();
      await stack.services[service].start();
      const end = Date.now();
      return {
        start,
        end,
        // A killed process claims nothing; the others' dependencies are fine.
        impaired: [],
        because: '',
        notes: [`${service} back after ${((end - start) / 1000).toFixed(1)} s`],
      };
    },
  };
}
