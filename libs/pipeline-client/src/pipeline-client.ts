import { TokenSource } from './people-tokens';
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

function problemCode(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

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
  /**
   * People's access tokens by username (`cachedTokens` over the identity provider). Handlers
   * decide with their own token; reading cases and letters uses `reader`'s, the archive
   * `analyst`'s. Without it, people's routes answer 401.
   */
  tokens?: TokenSource;
  /** Who looks cases and letters up for the journey; default `officer` (every department). */
  reader?: string;
  /** Who reads the sealed archive; default `analyst`. */
  analyst?: string;
}

export interface ComplaintStatus {
  id: string;
  status: string;
  stageTimes: Record<string, string>;
  department?: string;
}

/**
 * Plays the pipeline's users over its public HTTP APIs: a calling system submitting and
 * relaying the customer's survey answers (its API key), handlers deciding the cases assigned to
 * them and an analyst reading the archive (their own access tokens).
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
    return this.requestOrNotFound(
      'GET',
      `${this.urls.investigation}/v1/cases/${complaintId}`,
      await this.asPerson(this.options.reader ?? 'officer'),
    );
  }

  /** Decides as `handlerId`, with that handler's own token: only the assigned handler may. */
  async decide(
    complaintId: string,
    handlerId: string,
    outcome: Outcome,
    round: number,
  ): Promise<unknown> {
    const upheld = outcome !== 'rejected';
    const url = `${this.urls.investigation}/v1/cases/${complaintId}/decision`;
    const body = {
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
    };
    return this.request('POST', url, body, 201, await this.asPerson(handlerId));
  }

  /** The latest response to the customer, or undefined while none is written. */
  async findResponse(
    complaintId: string,
  ): Promise<{ round: number; status: string; body: string } | undefined> {
    return this.requestOrNotFound(
      'GET',
      `${this.urls.feedback}/v1/responses/${complaintId}`,
      await this.asPerson(this.options.reader ?? 'officer'),
    );
  }

  /**
   * Relays the customer's answer to the survey as the calling system (intake, scope
   * feedback:write); feedback applies it asynchronously: closed, or reopened for internal review.
   */
  giveFeedback(
    complaintId: string,
    satisfied: boolean,
    idempotencyKey?: string,
  ): Promise<{ status: string }> {
    return this.request(
      'POST',
      `${this.urls.intake}/v1/complaints/${complaintId}/feedback`,
      {
        rating: satisfied ? 5 : 1,
        solved: satisfied,
        // A dissatisfied customer asks for internal review: another person decides again.
        ...(satisfied
          ? {}
          : { comment: 'The answer does not address my problem.', reviewRequested: true }),
      },
      202,
      { ...this.intakeAuth(), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    );
  }

  /**
   * giveFeedback for a player that retries: true once intake took the answer (or a retry finds
   * it already taken), false while intake does not await one yet (its status view learns of the
   * response a little after feedback wrote it). Give each round its own idempotency key: a retry
   * of a taken answer is then replayed, not mistaken for a second one.
   */
  async relayFeedback(
    complaintId: string,
    satisfied: boolean,
    idempotencyKey?: string,
  ): Promise<boolean> {
    try {
      await this.giveFeedback(complaintId, satisfied, idempotencyKey);
      return true;
    } catch (err) {
      const code = err instanceof PipelineHttpError ? problemCode(err.body) : undefined;
      // With a key per round, a retry of this very answer is replayed (202); "already
      // submitted" then means intake's view has not seen this round's letter yet.
      if (code === 'FEEDBACK.ALREADY_SUBMITTED') return idempotencyKey === undefined;
      if (code === 'FEEDBACK.NOT_AWAITED') return false;
      throw err;
    }
  }

  /** The sealed archive record, or undefined until the complaint is archived. */
  async findArchived(complaintId: string): Promise<Record<string, unknown> | undefined> {
    return this.requestOrNotFound(
      'GET',
      `${this.urls.archiving}/v1/archive/${complaintId}`,
      await this.asPerson(this.options.analyst ?? 'analyst'),
    );
  }

  private async asPerson(username: string): Promise<Record<string, string>> {
    if (!this.options.tokens) return {};
    return { authorization: `Bearer ${await this.options.tokens(username)}` };
  }

  private async requestOrNotFound<T>(
    method: string,
    url: string,
    headers: Record<string, string> = {},
  ): Promise<T | undefined> {
    const res = await fetch(url, { method, headers });
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
