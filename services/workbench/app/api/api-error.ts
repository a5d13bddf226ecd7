import type { ServiceName } from './types';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** A failed call: the service's problem+json, or the workbench's own when a service is down. */
export class ApiError extends Error {
  constructor(
    readonly service: ServiceName,
    readonly status: number,
    readonly code: string | undefined,
    readonly detail: string | undefined,
    readonly fieldErrors: FieldProblem[] = [],
  ) {
    super(`${service} answered ${status}${code ? ` ${code}` : ''}`);
    this.name = 'ApiError';
  }

  /** The service could not be reached (the workbench answered for it), or the network failed. */
  get unavailable(): boolean {
    return this.status === 0 || this.code === 'SERVICE.UNAVAILABLE' || this.status === 502;
  }
}
