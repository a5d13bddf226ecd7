import { FieldProblem } from './problem';

/**
 * An expected refusal with a stable code. Each service declares its codes and their HTTP
 * statuses in one `*.errors.ts` file; the problem filter turns them into problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly errors?: FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
