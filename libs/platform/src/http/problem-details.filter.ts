import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { isTransientError } from '@complaints/messaging';
import { errorCodes } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain.error';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problem } from './problem';
import { RequestValidationException } from './request-validation';

/** Fastify's own refusals (body parsing, content type, size), by their error codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'REQUEST.TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'REQUEST.INVALID_CONTENT_LENGTH' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'REQUEST.EMPTY_BODY' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'REQUEST.MALFORMED_JSON' },
};

/**
 * Nest's Fastify error handler turns Fastify's errors into HttpExceptions carrying only the
 * message and status; each of these codes has a fixed message, which recovers the code.
 */
const FASTIFY_MESSAGES = new Map(
  Object.entries(FASTIFY_CODES).map(([fastifyCode, mapped]) => {
    const FastifyError = errorCodes[fastifyCode as keyof typeof errorCodes];
    return [new FastifyError().message, mapped] as const;
  }),
);

/** Maps any error to RFC 9457 problem details. Unknown errors are 500s without internals. */
export function toProblem(err: unknown): ProblemDetails {
  if (err instanceof DomainError) return problem(err.status, err.code, err.message, err.errors);
  if (err instanceof RequestValidationException) {
    return problem(400, 'REQUEST.INVALID', 'The request has invalid fields.', err.problems);
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse();
    const fromFastify = typeof body === 'string' ? FASTIFY_MESSAGES.get(body) : undefined;
    if (fromFastify?.status === status) return problem(status, fromFastify.code, body as string);
    const message =
      typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? err.message);
    return problem(
      status,
      `HTTP.${status}`,
      Array.isArray(message) ? message.join('; ') : String(message),
    );
  }
  const e = err as { code?: string; statusCode?: number; message?: string } | undefined;
  if (e?.code && FASTIFY_CODES[e.code]) {
    const known = FASTIFY_CODES[e.code];
    return problem(known.status, known.code, e.message);
  }
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    // Any other client error Fastify raised while reading the request (SyntaxError on JSON).
    const code =
      e.statusCode === 400 && err instanceof SyntaxError
        ? 'REQUEST.MALFORMED_JSON'
        : `HTTP.${e.statusCode}`;
    return problem(e.statusCode, code, e.message);
  }
  if (isTransientError(err)) {
    // The database or broker is away or restarting: nothing was done; the same request can
    // be sent again shortly (Retry-After).
    return problem(
      503,
      'SERVICE.UNAVAILABLE',
      'A service this request needs is unavailable for a moment; nothing was changed. Try again shortly.',
    );
  }
  return problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged.');
}

/** seconds a client should wait before sending a request refused with 503 again */
const RETRY_AFTER_SECONDS = 5;

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetailsFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const body = toProblem(err);
    body.instance = request.url;
    if (body.status >= 500) {
      // The error object, not the request: bodies may carry personal data.
      const log = body.status === 503 ? 'warn' : 'error';
      this.logger[log](
        { err, url: request.routeOptions?.url, method: request.method },
        'request failed',
      );
    }
    if (body.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }
}
