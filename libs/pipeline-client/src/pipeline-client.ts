import { SampleComplaint } from './sample-complaints';

export interface PipelineUrls {
  intake: string;
  classification: string;
  investigation: string;
  feedback: string;
  archiving: string;
}

export const LOCAL_PIPELINE: PipelineUrls = {
  intake: 'http://127.0.0.1:3001',
  classification: 'http://127.0.0.1:3002',
  investigation: 'http://127.0.0.1:3003',
  feedback: 'http://127.0.0.1:3004',
  archiving: 'http://127.0.0.1:3005',
};

export interface Accepted {
  id: string;
  referenceNumber: string;
  status: string;
  receivedAt: string;
  decisionDueAt: string;
}

export interface CaseView {
  complaintId: string;
  handlerId: string;
  department: string;
  status: string;
  round: number;
}

export type Outcome = 'upheld' | 'partially_upheld' | 'rejected';

/** An HTTP answer that was not the one expected, with its problem+json body. */
export class PipelineHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
  }
}

export interface PipelineClientOptions {
  /**
   * The calling system's intake API key (`npm run intake:key -- create --system NAME`), sent
   * on every intake call; intake knows the calling system from it.
   */
  apiKey?: string;
}

export interface ComplaintStatus {
  id: string;
  status: string;
  stageTimes: Record<string, string>;
  department?: string;
}

/**
 * Plays the pipeline's users over its public HTTP APIs: a calling system submitting, a
 * handler deciding, a customer answering the survey, an analyst reading the archive.
 */
export class PipelineClient {
  constructor(
    private readonly urls: PipelineUrls,
    private readonly options: PipelineClientOptions = {},
  ) {}

  /** Submits a sample as the key's calling system; an `idempotencyKey` makes retries safe. */
  async submit(
    sample: SampleComplaint,
    externalReference: string,
    { idempotencyKey }: { idempotencyKey?: string } = {},
  ): Promise<Accepted> {
    const { expectedCategory: _expected, ...body } = sample;
    return this.request(
      'POST',
      `${this.urls.intake}/v1/complaints`,
      { ...body, externalReference },
      202,
      { ...this.intakeAuth(), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    );
  }

  status(complaintId: string): Promise<ComplaintStatus> {
    return this.request(
      'GET',
      `${this.urls.intake}/v1/complaints/${complaintId}`,
      undefined,
      undefined,
      this.intakeAuth(),
    );
  }

  /** One of the calling system's complaints by its own reference. */
  statusByReference(externalReference: string): Promise<ComplaintStatus> {
    const query = new URLSearchParams({ externalReference });
    return this.request(
      'GET',
      `${this.urls.intake}/v1/complaints?${query}`,
      undefined,
      undefined,
      this.intakeAuth(),
    );
  }

  /** The case, or undefined while investigation has not opened it yet. */
  async findCase(complaintId: string): Promise<CaseView | undefined> {
    return this.requestOrNotFound('GET', `${this.urls.investigation}/v1/cases/${complaintId}`);
  }

  decide(
    complaintId: string,
    handlerId: string,
    outcome: Outcome,
    round: number,
  ): Promise<unknown> {
    const upheld = outcome !== 'rejected';
    return this.request('POST', `${this.urls.investigation}/v1/cases/${complaintId}/decision`, {
      handlerId,
      outcome,
      summary: upheld
        ? `Round ${round}: the complaint is justified; we apologise.`
        : `Round ${round}: the handling followed the policy terms.`,
      rootCause: upheld ? 'Handling delay in the claims back office' : 'Policy exclusion applies',
      ...(upheld
        ? {
            remedy: 'Claim paid in full with interest',
            compensation: { amountMinor: 50_000, currency: 'CNY' },
          }
        : {}),
    });
  }

  /** The latest response to the customer, or undefined while none is written. */
  findResponse(
    complaintId: string,
  ): Promise<{ round: number; status: string; body: string } | undefined> {
    return this.requestOrNotFound('GET', `${this.urls.feedback}/v1/responses/${complaintId}`);
  }

  giveFeedback(complaintId: string, satisfied: boolean): Promise<{ status: string }> {
    return this.request('POST', `${this.urls.feedback}/v1/feedback/${complaintId}`, {
      rating: satisfied ? 5 : 1,
      solved: satisfied,
      ...(satisfied ? {} : { comment: 'The answer does not address my problem.' }),
    });
  }

  /** The sealed archive record, or undefined until the complaint is archived. */
  findArchived(complaintId: string): Promise<Record<string, unknown> | undefined> {
    return this.requestOrNotFound('GET', `${this.urls.archiving}/v1/archive/${complaintId}`);
  }

  private async requestOrNotFound<T>(method: string, url: string): Promise<T | undefined> {
    const res = await fetch(url, { method });
    if (res.status === 404) return undefined;
    const body = await res.json().catch(() => undefined);
    if (!res.ok) throw new PipelineHttpError(res.status, body, `${method} ${url}`);
    return body as T;
  }

  private intakeAuth(): Record<string, string> {
    return this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {};
  }

  private async request<T>(
    method: string,
    url: string,
    body?: unknown,
    expected?: number,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = await res.json().catch(() => undefined);
    if (expected !== undefined ? res.status !== expected : !res.ok) {
      throw new PipelineHttpError(res.status, parsed, `${method} ${url}`);
    }
    return parsed as T;
  }
}
