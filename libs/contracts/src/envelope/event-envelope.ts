import {
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsUtcTimestamp } from '../validation/contract.decorators';
import { SERVICE_NAME_PATTERN, UUID_V7_PATTERN } from '../validation/contract.patterns';

/**
 * Every Kafka message is exactly one envelope, serialised as JSON. The payload is validated
 * separately against the class registered for (`type`, `version`), so here it only has to be an
 * object. `causationId` is listed as required in the JSON Schema: it is present on every event,
 * `null` only on the first one of a correlation chain.
 */
@JSONSchema((schema) => ({ ...schema, required: [...(schema.required ?? []), 'causationId'] }))
export class EventEnvelope<T = unknown> {
  /** UUIDv7: unique per event and time-ordered; the consumer inbox deduplicates on it. */
  @Matches(UUID_V7_PATTERN, { message: '$property must be a UUID version 7' })
  eventId: string;

  /** e.g. `complaint.received`; together with `version` it selects the payload class. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type: string;

  /** Payload major version, >= 1; it also appears in the topic name (`.v1`). */
  @Min(1)
  @IsInt()
  version: number;

  /** The Kafka key, so one complaint's events stay ordered on one partition. */
  @IsUUID()
  complaintId: string;

  /** When the fact happened at the producer, UTC. */
  @IsUtcTimestamp()
  occurredAt: string;

  /** The service that wrote the event (`intake`, `classification`, ...). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(SERVICE_NAME_PATTERN, { message: '$property must be a kebab-case service name' })
  producer: string;

  /** Shared by every event descending from one original request (the first event's id). */
  @IsUUID()
  correlationId: string;

  /** The `eventId` of the event that directly caused this one; `null` for the first event. */
  @ValidateIf((envelope: EventEnvelope) => envelope.causationId !== null)
  @IsUUID()
  @JSONSchema(() => ({ anyOf: [{ format: 'uuid', type: 'string' }, { type: 'null' }] }))
  causationId: string | null;

  @IsObject()
  payload: T;
}
