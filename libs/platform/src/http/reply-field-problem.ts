import type { FastifyReply, FastifyRequest } from 'fastify';
import { FieldProblem, PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './problem-details.filter';
import { RequestValidationException } from './request-validation';

/**
 * Answers 400 problem+json for a field problem found in a Fastify hook, before Nest (and so
 * before the problem filter) sees the request.
 */
export function replyWithFieldProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: FieldProblem,
): FastifyReply {
  const body = { ...toProblem(new RequestValidationException([problem])), instance: request.url };
  return reply.code(400).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
}
