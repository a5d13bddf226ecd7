import { getSchemaPath } from '@nestjs/swagger';
import type { ApiResponseOptions } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@complaints/platform';
import { ProblemDto } from './problem.dto';

type Headers = NonNullable<Extract<ApiResponseOptions, { headers?: unknown }>['headers']>;

/** An OpenAPI error response with an application/problem+json body. */
export function problemResponse(
  status: number,
  description: string,
  headers?: Headers,
): ApiResponseOptions {
  return {
    status,
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
    ...(headers ? { headers } : {}),
  };
}
