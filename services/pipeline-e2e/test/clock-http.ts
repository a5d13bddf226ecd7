import { eventually, TokenSource } from '@complaints/pipeline-client';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface ClockView {
  id: string;
  kind: string;
  periodDays: number;
  dueAt?: string;
  status: string;
  endReason?: string;
  pausedMs: number;
  breached: boolean;
  extensions: { requestId: string; kind: string; status: string; refusal?: string }[];
  pauses: { kind: string; from: string; to?: string }[];
}

export interface ComplaintClocksView {
  complaintId: string;
  policy: string;
  state: string;
  endReason?: string;
  department: string;
  clocks: ClockView[];
}

export interface WatchlistView {
  items: { complaintId: string; department: string; breached: boolean }[];
}

/** Calls a service as a person, with that person's Keycloak access token. */
export class PeopleHttp {
  constructor(private readonly tokens: TokenSource) {}

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    url: string,
    person: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.tokens(person)}`,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
  }

  /** A complaint's clocks on the deadlines service, read as a complaints officer, once `ready` holds. */
  clocksWhen(
    url: string,
    what: string,
    ready: (v: ComplaintClocksView) => boolean,
    timeoutMs: number,
  ): Promise<ComplaintClocksView> {
    return eventually(
      `${url}: ${what}`,
      async () => {
        const a = await this.call<ComplaintClocksView>('GET', url, 'officer');
        return a.status === 200 && ready(a.body) ? a.body : undefined;
      },
      timeoutMs,
      200,
    );
  }

  /** POSTs and insists on the status: a refused action fails the test with its problem. */
  async post<T = Record<string, unknown>>(
    url: string,
    person: string,
    body: unknown,
    expected: number,
  ): Promise<T> {
    const answer = await this.call<T>('POST', url, person, body);
    if (answer.status !== expected)
      throw new Error(
        `POST ${url} as ${person}: ${answer.status}, wanted ${expected}: ${JSON.stringify(answer.body)}`,
      );
    return answer.body;
  }
}

/** The clock a complaint's decision or review currently runs on (the last one of that kind). */
export function lastClock(view: ComplaintClocksView, kind = 'decision'): ClockView {
  const clocks = view.clocks.filter((c) => c.kind === kind);
  const clock = clocks[clocks.length - 1];
  if (!clock) throw new Error(`${view.complaintId} has no ${kind} clock: ${JSON.stringify(view)}`);
  return clock;
}
