import { EVENT_CATALOG, EnvelopeOneOf, EventType } from '@complaints/contracts';
import { PermanentEventError } from '../errors';
import { Transaction } from '../outbox/unit-of-work';
import { EventContext, EventHandler } from './consumer-types';

/** A handler for the event types T: it receives their envelopes, typed, and nothing else. */
export type TypedEventHandler<T extends EventType> = (
  event: EnvelopeOneOf<T>,
  tx: Transaction,
  ctx: EventContext,
) => Promise<void>;

/** The topics that carry the event types, each once (logical names, without a test prefix). */
export function topicsOf(types: readonly EventType[]): string[] {
  return [...new Set(types.map((type) => EVENT_CATALOG[type].topic))];
}

/**
 * The handler the consumer runs: it checks each envelope's type against those registered (the
 * envelope is already validated against its contract) and refuses any other with one code,
 * EVENT.UNEXPECTED_TYPE, which dead-letters it.
 */
export function typedHandler<T extends EventType>(
  types: readonly T[],
  handler: TypedEventHandler<T>,
): EventHandler {
  const accepted = new Set<string>(types);
  return async (event, tx, ctx) => {
    if (!accepted.has(event.type)) {
      throw new PermanentEventError(
        'EVENT.UNEXPECTED_TYPE',
        `${event.type} v${event.version} is not handled here (expected ${[...accepted].join(', ')} on ${ctx.topic})`,
      );
    }
    return handler(event as EnvelopeOneOf<T>, tx, ctx);
  };
}
