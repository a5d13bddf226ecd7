import { ApiError, FieldProblem } from './api-error';
import type { ServiceName } from './types';

interface Problem {
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
}

/**
 * Calls a service through the workbench's proxy (/api/<service>/...) with the person's access
 * token. Every failure becomes an ApiError carrying the problem+json's code and fields.
 */
export class ApiClient {
  constructor(private readonly token: () => Promise<string | undefined>) {}

  async get<T>(service: ServiceName, path: string): Promise<T> {
    return this.call<T>(service, path, { method: 'GET' });
  }

  /** The workbench's own read-only routes under /api (the operators' Prometheus queries). */
  async getOwn<T>(path: string): Promise<T> {
    const [own, ...rest] = path.replace(/^\//, '').split('/');
    return this.call<T>(own as ServiceName, `/${rest.join('/')}`, { method: 'GET' });
  }

  /** A text answer (a CSV export) as it came. */
  async getText(service: ServiceName, path: string): Promise<string> {
    return this.call<string>(service, path, { method: 'GET' }, 'text/csv');
  }

  /** A file (a Parquet export) as its bytes. */
  async getBlob(service: ServiceName, path: string, accept: string): Promise<Blob> {
    return this.call<Blob>(service, path, { method: 'GET' }, accept, true);
  }

  async post<T>(service: ServiceName, path: string, body: unknown): Promise<T> {
    return this.call<T>(service, path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  }

  private async call<T>(
    service: ServiceName,
    path: string,
    init: RequestInit,
    accept = 'application/json',
    binary = false,
  ): Promise<T> {
    const token = await this.token();
    const headers = new Headers(init.headers);
    headers.set('accept', `${accept}, application/problem+json`);
    if (token) headers.set('authorization', `Bearer ${token}`);
    let res: Response;
    try {
      res = await fetch(`/api/${service}${path}`, { ...init, headers });
    } catch {
      throw new ApiError(service, 0, 'NETWORK.FAILED', undefined);
    }
    if (binary && res.ok) return (await res.blob()) as T;
    const text = await res.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!res.ok) {
      const p = (body ?? {}) as Problem;
      throw new ApiError(
        service,
        res.status,
        p.code,
        p.detail,
        Array.isArray(p.errors) ? p.errors : [],
      );
    }
    return (accept === 'application/json' ? body : text) as T;
  }
}
