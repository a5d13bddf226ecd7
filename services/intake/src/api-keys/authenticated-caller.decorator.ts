import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccessErrors } from './access.errors';
import { callerOf } from './caller-access.hook';

/**
 * The Caller the access hook established. Fails closed: a route reached without one (a
 * route missing its scope) is refused, never served anonymously.
 */
export const AuthenticatedCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const caller = callerOf(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!caller) throw AccessErrors.keyMissing();
  return caller;
});
