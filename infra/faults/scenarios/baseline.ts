import { Scenario } from '../scenario';

/** No fault: the harness's own check. Every accepted complaint archived once, in order. */
export const baseline: Scenario = {
  name: 'baseline',
  description: 'no fault (the harness checks itself)',
  quick: true,
  inject: async () => {
    const now = Date.now();
    return { start: now, end: now, impaired: [], because: '' };
  },
};
