import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FieldProblem, replyWithFieldProblem } from '@complaints/platform';
import { intakeRouteConfig } from '../api-keys/intake-route-config';

/**
 * Intake's JSON routes take a JSON object only. The platform's own hook (createServiceApp)
 * has already checked depth and reserved key names for every service.
 */
@Injectable()
export class JsonBodyShapeHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!intakeRouteConfig(request.routeOptions.config).jsonBody) return undefined;
      const problem = objectBodyProblem(request.body);
      return problem ? replyWithFieldProblem(request, reply, problem) : undefined;
    });
  }
}

export function objectBodyProblem(body: unknown): FieldProblem | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { field: 'body', reason: 'the request body must be a JSON object' };
  }
  return undefined;
}
