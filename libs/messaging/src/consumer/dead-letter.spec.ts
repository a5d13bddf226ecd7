import { classifyFailure } from './dead-letter';
import { PermanentEventError } from '../errors';
import { isTransientError } from '../sql';

describe('what a consumer does with a failure', () => {
  it('dead-letters an event that breaks its contract at once', () => {
    const err = Object.assign(new Error('payload.channel must be one of ...'), {
      code: 'CONTRACT.INVALID',
    });
    expect(classifyFailure(err, 1, 5, false)).toMatchObject({
      deadLetter: true,
      code: 'CONTRACT.INVALID',
    });
  });

  it('dead-letters a PermanentEventError at once with its code', () => {
    const err = new PermanentEventError('CASE.ALREADY_DECIDED', 'the case is closed');
    expect(classifyFailure(err, 1, 5, false)).toMatchObject({
      deadLetter: true,
      code: 'CASE.ALREADY_DECIDED',
    });
  });

  it('retries a transient failure however many attempts it took', () => {
    expect(classifyFailure(new Error('down'), 50, 5, true)).toMatchObject({
      deadLetter: false,
      transient: true,
    });
  });

  it('retries a bug up to the attempt limit, then dead-letters it', () => {
    const bug = new TypeError('x is undefined');
    expect(classifyFailure(bug, 4, 5, false)).toMatchObject({
      deadLetter: false,
      transient: false,
    });
    expect(classifyFailure(bug, 5, 5, false)).toMatchObject({
      deadLetter: true,
      code: 'HANDLER.FAILED',
    });
  });

  it('never puts more than 1000 characters of an error message in a header', () => {
    const long = new Error('x'.repeat(5000));
    expect(classifyFailure(long, 5, 5, false).loggable.message).toHaveLength(1000);
  });
});

describe('transient errors', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED' }],
    ['a serialization failure', { code: '40001' }],
    ['a deadlock', { code: '40P01' }],
    ['a connection exception class', { code: '08006' }],
    ['a database shutting down', { code: '57P01' }],
    ['a TypeORM-wrapped driver error', { driverError: { code: '40001' } }],
    ['a retriable kafkajs error', { name: 'KafkaJSConnectionError', retriable: true }],
  ])('treats %s as transient', (_label, err) => {
    expect(isTransientError(err)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a type error', new TypeError('boom')],
    ['a non-retriable kafkajs error', { name: 'KafkaJSNonRetriableError' }],
    ['nothing', undefined],
  ])('does not treat %s as transient', (_label, err) => {
    expect(isTransientError(err)).toBe(false);
  });
});
