import { HttpException, NotFoundException } from '@nestjs/common';
import { errorCodes } from 'fastify';
import { DomainError } from './domain.error';
import { toProblem } from './problem-details.filter';
import { RequestValidationException } from './request-validation';

describe('errors as RFC 9457 problem details', () => {
  it('keeps a domain error code and its status', () => {
    expect(
      toProblem(new DomainError('CASE.ALREADY_DECIDED', 409, 'This round is decided.')),
    ).toMatchObject({
      status: 409,
      code: 'CASE.ALREADY_DECIDED',
      title: 'Conflict',
      detail: 'This round is decided.',
    });
  });

  it('lists each invalid field with its reason', () => {
    const problem = toProblem(
      new RequestValidationException([
        { field: 'customer.email', reason: 'email must be an email' },
      ]),
    );
    expect(problem).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
    expect(problem.errors).toEqual([{ field: 'customer.email', reason: 'email must be an email' }]);
  });

  it('maps Fastify refusals of the body itself', () => {
    expect(
      toProblem(
        Object.assign(new Error('too big'), {
          code: 'FST_ERR_CTP_BODY_TOO_LARGE',
          statusCode: 413,
        }),
      ),
    ).toMatchObject({
      status: 413,
      code: 'REQUEST.TOO_LARGE',
    });
  });

  it('recovers the code of a Fastify refusal that Nest handed on as a bare HttpException', () => {
    const malformed = new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY();
    expect(toProblem(new HttpException(malformed.message, 400))).toMatchObject({
      status: 400,
      code: 'REQUEST.MALFORMED_JSON',
    });
    const tooLarge = new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
    expect(toProblem(new HttpException(tooLarge.message, 413))).toMatchObject({
      status: 413,
      code: 'REQUEST.TOO_LARGE',
    });
  });

  it('keeps the status of framework HTTP errors', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nowhere'))).toMatchObject({
      status: 404,
      code: 'HTTP.404',
    });
  });

  it('never shows the internals of an unexpected error', () => {
    const problem = toProblem(
      new Error('password authentication failed for user "complaints_intake"'),
    );
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problem)).not.toContain('password');
  });
  it('answers 503, not 500, while the database is unreachable, and hides the cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const answer = toProblem(refused);
    expect(answer).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    expect(JSON.stringify(answer)).not.toContain('5432');
    expect(
      toProblem(
        Object.assign(new Error('the database system is shutting down'), { code: '57P03' }),
      ),
    ).toMatchObject({ status: 503 });
  });

  it('keeps 500 for a bug', () => {
    expect(toProblem(new TypeError('x is undefined'))).toMatchObject({
      status: 500,
      code: 'INTERNAL',
    });
  });
});
