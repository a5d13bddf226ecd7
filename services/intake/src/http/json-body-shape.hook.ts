import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  FieldProblem,
  PROBLEM_CONTENT_TYPE,
  RequestValidationException,
  toProblem,
} from '@complaints/platform';
import { intakeRouteConfig } from '../api-keys/intake-route-config';

/** Deeper than any field of the API (attachments.0.name is 3). */
export const MAX_BODY_DEPTH = 8;

/**
 * Checks a parsed JSON body's shape before validation: it must be an object, nested at most
 * MAX_BODY_DEPTH levels, without keys named like Object.prototype's members. The validation
 * libraries recurse over whatever they are given (a few kilobytes of `[[[[...` nested 100,000
 * deep overflow their stack), and class-validator's whitelist takes `toString` or
 * `constructor` for declared fields, so they would slip through into storage and events.
 */
@Injectable()
export class JsonBodyShapeHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!intakeRouteConfig(request.routeOptions.config).jsonBody) return undefined;
      const problem = shapeProblem(request.body);
      if (!problem) return undefined;
      const body = {
        ...toProblem(new RequestValidationException([problem])),
        instance: request.url,
      };
      return reply.code(400).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
    });
  }
}

/** The first shape problem of a parsed body, walking it without recursion. */
export function shapeProblem(body: unknown): FieldProblem | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { field: 'body', reason: 'the request body must be a JSON object' };
  }
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 1 },
  ];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop() as { value: unknown; path: string; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH)
      return { field: path, reason: `nests deeper than ${MAX_BODY_DEPTH} levels` };
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && key in Object.prototype)
        return { field, reason: `${key} is not a field of this request` };
      pending.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return undefined;
}
