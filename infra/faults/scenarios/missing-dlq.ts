import { dlqTopic, TOPICS, topicSpecs } from '@complaints/contracts';
import { ensureTopics } from '../../kafka/create-topics';
import { Scenario } from '../scenario';
import { deadLettered, inFlightKey, poisonMessages } from './poison';

const TOPIC = TOPICS.received;
/** ms the dead-letter topic stays missing after the poison arrived. */
const MISSING_MS = { quick: 20_000, full: 30_000 };

/**
 * A poison message while `complaints.received.v1.dlq` does not exist. The consumers cannot
 * write its dead letter: they must not crash-loop on it, and /health/ready must not say all is
 * well meanwhile. Once the topic is back (infra's create-topics) the dead letter must arrive
 * and the partition move on.
 */
export const missingDlq: Scenario = {
  name: 'missing-dlq',
  description: `poison on ${TOPIC} while ${dlqTopic(TOPIC)} does not exist, then the topic recreated`,
  quick: false,
  inject: async (ctx) => {
    // Read the groups first: which services must admit they cannot dead-letter.
    await ctx.kafka.lags().catch(() => []);
    const impaired = [...new Set(ctx.kafka.groupsReading(TOPIC).map((g) => g.split('.')[0]))];
    await ctx.kafka.deleteTopic(dlqTopic(TOPIC));
    const start = Date.now();
    const [notJson] = poisonMessages(ctx.prefix, inFlightKey(ctx));
    await ctx.kafka.produce(TOPIC, [notJson]);
    await new Promise((r) => setTimeout(r, ctx.mode.quick ? MISSING_MS.quick : MISSING_MS.full));
    await ensureTopics(ctx.stack.broker.brokers, topicSpecs(), { waitMs: 30_000 });
    return {
      start,
      end: Date.now(),
      impaired,
      because: `${dlqTopic(TOPIC)} was missing (dead letters unwritable)`,
      graceMs: 10_000,
    };
  },
  verify: (ctx) => deadLettered(ctx, TOPIC, [`${ctx.prefix}/not-json`]),
};
