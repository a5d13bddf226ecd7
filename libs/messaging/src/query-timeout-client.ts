import { Client } from 'pg';

/** node-postgres's error when no answer came within query_timeout. */
const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * A node-postgres Client that closes its socket when a query gets no answer within
 * query_timeout. node-postgres fails the query then but keeps the connection, which a pool
 * would hand out again: a half-dead connection (peer gone without a FIN or RST) would fail
 * every query sent on it, each after the full timeout, until TCP keepalive ends it many
 * minutes later. query_timeout is longer than the server's statement_timeout (see
 * service-data-source.ts), so a live server would have answered by then: the connection is
 * taken for dead. Closing it makes the client emit 'error', and pg-pool (through TypeORM)
 * drops it; the server, once it notices, rolls back whatever it had open.
 */
export class QueryTimeoutClient extends Client {
  constructor(...args: ConstructorParameters<typeof Client>) {
    super(...args);
    // A client emits 'error' when the server ends its session (57P01 on a restart) while no
    // query is running on it. pg-pool listens only while the client is idle in the pool and
    // TypeORM only while a query runner holds it; in between (a runner that released it with
    // an error, a connection being discarded) nobody does, and Node ends the process on an
    // unheard 'error'. Such an error needs no handling here: the next query on the client
    // fails, and the pool discards it.
    this.on('error', () => undefined);
  }

  // Client.query has many overloads (text, config, submittable; promise or callback); every
  // call is passed through unchanged, only its failure is looked at.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last: unknown = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, ...rest: unknown[]): unknown => {
        this.dropIfTimedOut(err);
        return (last as (...a: unknown[]) => unknown)(err, ...rest);
      };
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.catch((err: unknown) => {
        this.dropIfTimedOut(err);
        throw err;
      });
    }
    return result;
  }

  private dropIfTimedOut(err: unknown): void {
    if (err instanceof Error && err.message === READ_TIMEOUT_MESSAGE) {
      this.connection.stream.destroy(err);
    }
  }
}
