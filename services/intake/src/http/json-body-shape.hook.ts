import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  FieldProblem,
  PROBLEM_CONTENT_TYPE,
  RequestValidationException,
  shapeProblem as bodyShapeProblem,
  toProblem,
} from '@complaints/platform';
import { intakeRouteConfig } from '../api-keys/intake-route-config';

/**
 * Checks a parsed JSON body's shape before validation on intake's JSON routes: it must be an
 * object, and pass the platform's shape rules (depth, reserved key names).
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

/** Intake takes JSON objects only; then the shape rules every service applies. */
export function shapeProblem(body: unknown): FieldProblem | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { field: 'body', reason: 'the request body must be a JSON object' };
  }
  return bodyShapeProblem(body);
}
