import { DatabaseError } from 'pg';
import {
  ConnectionIsNotSetError,
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
} from 'typeorm';
import { PermanentEventError } from './errors';
import { isTransientError } from './sql';

/** A PostgreSQL error as node-postgres raises it, wrapped by TypeORM as a query's failure. */
function pgFailure(code: string, message: string): QueryFailedError {
  const err = new DatabaseError(message, 0, 'error');
  err.code = code;
  return new QueryFailedError('SELECT 1', [], err);
}

/** A node-postgres (or pg-pool) error without a code, wrapped by TypeORM. */
function driverFailure(message: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], new Error(message));
}

describe('isTransientError', () => {
  it.each([
    ['57014', 'canceling statement due to statement timeout'],
    ['57014', 'canceling statement due to user request'],
    ['25P03', 'terminating connection due to idle-in-transaction timeout'],
    ['57P05', 'terminating connection due to idle-session timeout'],
    ['55P03', 'canceling statement due to lock timeout'],
    ['40001', 'could not serialize access due to concurrent update'],
    ['40P01', 'deadlock detected'],
    ['57P01', 'terminating connection due to administrator command'],
    ['08006', 'connection failure'],
  ])('PostgreSQL %s (%s) is transient', (code, message) => {
    expect(isTransientError(pgFailure(code, message))).toBe(true);
    expect(isTransientError(pgFailure(code, message).driverError)).toBe(true);
  });

  it.each([
    // pg-pool: no connection came free within connectionTimeoutMillis
    'timeout exceeded when trying to connect',
    // pg-pool: a new connection took longer than connectionTimeoutMillis
    'Connection terminated due to connection timeout',
    // pg Client.connect: the same, outside a pool
    'timeout expired',
    // the socket ended under a query (the server or the network went away)
    'Connection terminated unexpectedly',
    // query_timeout passed without an answer (QueryTimeoutClient then drops the connection)
    'Query read timeout',
    'Client has encountered a connection error and is not queryable',
    'Client was closed and is not queryable',
  ])('node-postgres "%s" is transient, bare or wrapped by TypeORM', (message) => {
    expect(isTransientError(new Error(message))).toBe(true);
    expect(isTransientError(driverFailure(message))).toBe(true);
  });

  it("TypeORM's connection errors are transient", () => {
    expect(isTransientError(new ConnectionIsNotSetError('postgres'))).toBe(true);
    expect(isTransientError(new QueryRunnerAlreadyReleasedError())).toBe(true);
  });

  it.each([['ECONNREFUSED'], ['ECONNRESET'], ['ETIMEDOUT'], ['EHOSTUNREACH']])(
    'socket error %s is transient',
    (code) => {
      expect(isTransientError(Object.assign(new Error(`connect ${code}`), { code }))).toBe(true);
    },
  );

  it.each([
    ['23505', 'duplicate key value violates unique constraint'],
    ['23502', 'null value in column violates not-null constraint'],
    ['42P01', 'relation does not exist'],
    ['22P02', 'invalid input syntax for type uuid'],
  ])('PostgreSQL %s (%s) is not transient: a retry changes nothing', (code, message) => {
    expect(isTransientError(pgFailure(code, message))).toBe(false);
  });

  it('a handler bug, a permanent event error and non-errors are not transient', () => {
    expect(
      isTransientError(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toBe(false);
    expect(isTransientError(new PermanentEventError('CASE.CLOSED', 'the case is closed'))).toBe(
      false,
    );
    expect(isTransientError(undefined)).toBe(false);
    expect(isTransientError('timeout expired')).toBe(false);
  });

  it('kafkajs errors are transient unless non-retriable', () => {
    expect(
      isTransientError(Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' })),
    ).toBe(true);
    expect(
      isTransientError(Object.assign(new Error('x'), { name: 'KafkaJSNonRetriableError' })),
    ).toBe(false);
  });
});
