import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { DomainError, PROBLEM_CONTENT_TYPE, ROOT_LOGGER, toProblem } from '@complaints/platform';
import { AccessErrors } from './access.errors';
import { API_KEY_PREFIX } from './api-key-format';
import { Caller } from './caller';
import { CallerAuthenticator } from './caller-authenticator.service';
import { intakeRouteConfig } from './intake-route-config';
import { TokenBucketRateLimiter } from './token-bucket.rate-limiter';

const callers = new WeakMap<object, Caller>();

/** The caller the access hook established for this request, if it did. */
export function callerOf(request: FastifyRequest): Caller | undefined {
  return callers.get(request.raw);
}

/**
 * Who may call, checked in Fastify's onRequest hook: before the body is read, so an
 * anonymous, rate-limited or unauthorised caller never costs a parse. In order: API key
 * (401), rate limit per key (429), scope (403), media type (415). On routes people may call
 * too (orBearer), a bearer value that is no API key is left to the auth guard.
 */
@Injectable()
export class CallerAccessHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly authenticator: CallerAuthenticator,
    private readonly limiter: TokenBucketRateLimiter,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    // Fastify gives routes their hooks when it becomes ready, which is after this.
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, reply) => this.check(request, reply));
  }

  /** Resolves to the reply when it refused (Fastify then stops), else to nothing. */
  private async check(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply | undefined> {
    const route = intakeRouteConfig(request.routeOptions.config);
    if (!route.scope) return undefined;
    if (route.orBearer && isPersonsBearer(request)) return undefined;
    const presented = presentedKey(request);
    if (!presented)
      return refuse(request, reply, AccessErrors.keyMissing(), { 'www-authenticate': 'Bearer' });
    let caller: Caller | undefined;
    try {
      caller = await this.authenticator.authenticate(presented);
    } catch (err) {
      this.logger.error({ err }, 'API key lookup failed');
      return refuse(request, reply, AccessErrors.unavailable(), { 'retry-after': '5' });
    }
    if (!caller)
      return refuse(request, reply, AccessErrors.keyInvalid(), { 'www-authenticate': 'Bearer' });
    const rate = this.limiter.take(caller.keyId);
    if (!rate.allowed) {
      return refuse(request, reply, AccessErrors.rateLimited(rate.retryAfterSeconds), {
        'retry-after': String(rate.retryAfterSeconds),
      });
    }
    if (!caller.scopes.includes(route.scope))
      return refuse(request, reply, AccessErrors.scopeMissing(route.scope));
    if (route.jsonBody && !isJson(request.headers['content-type'])) {
      return refuse(request, reply, AccessErrors.unsupportedMediaType());
    }
    callers.set(request.raw, caller);
    return undefined;
  }
}

/**
 * `Authorization: Bearer <value>` whose value is not shaped like an API key, and no X-API-Key:
 * a person's access token (or a forgery of one, which the guard refuses with 401).
 */
function isPersonsBearer(request: FastifyRequest): boolean {
  if (request.headers['x-api-key'] !== undefined) return false;
  const value = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  return value !== undefined && !value.startsWith(API_KEY_PREFIX);
}

/** `Authorization: Bearer <key>`, else `X-API-Key: <key>`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization) return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? authorization;
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header.length > 0 ? header : undefined;
}

/** application/json, with no charset or UTF-8: the only body the API reads. */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [mediaType, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  error: DomainError,
  headers: Record<string, string> = {},
): FastifyReply {
  const body = { ...toProblem(error), instance: request.url };
  return reply
    .code(body.status)
    .headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE })
    .send(body);
}
