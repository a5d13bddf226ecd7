import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import { isTooLarge, kafkaErrorTypes } from './kafka-errors';

const protocolError = (type: string) =>
  new KafkaJSProtocolError(Object.assign(new Error(type), { type, code: 10, retriable: false }));

describe('broker errors inside kafkajs errors', () => {
  it('finds MESSAGE_TOO_LARGE under the non-retriable error kafkajs throws from send', () => {
    // kafkajs puts the broker's error under `cause`; its message is copied, its type is not.
    const err = Object.assign(new KafkaJSNonRetriableError(new Error('too large')), {
      cause: protocolError('MESSAGE_TOO_LARGE'),
    });
    expect(isTooLarge(err)).toBe(true);
    expect(kafkaErrorTypes(err)).toContain('MESSAGE_TOO_LARGE');
  });

  it('finds it among the errors of an aggregate, and RECORD_LIST_TOO_LARGE too', () => {
    expect(isTooLarge({ errors: [new Error('x'), protocolError('RECORD_LIST_TOO_LARGE')] })).toBe(
      true,
    );
  });

  it('does not call other failures too large', () => {
    expect(isTooLarge(protocolError('NOT_LEADER_FOR_PARTITION'))).toBe(false);
    expect(isTooLarge(new Error('connect ECONNREFUSED'))).toBe(false);
    expect(isTooLarge(undefined)).toBe(false);
  });
});
