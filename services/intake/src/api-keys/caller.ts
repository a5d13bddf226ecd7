import type { Scope } from './api-key.scopes';

/** Who is calling: established from the API key before the request body is read. */
export interface Caller {
  /** The calling system; its complaints are the only ones it can see. */
  system: string;
  keyId: string;
  scopes: readonly Scope[];
}
