import { createHmac, timingSafeEqual } from 'crypto';

/** What a letter holds where its answer link goes, until the link is written out for sending. */
const MARK = /\{\{answer-link:([0-9a-f-]{36})\}\}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Answer-link tokens: `<link id, base64url>.<HMAC-SHA256 of it, base64url>`. Only the link id is
 * stored; the token is derived from it with the secret whenever a letter is sent, so no table
 * holds a usable token, and a token nobody signed is refused before the database is asked.
 */
export class AnswerLinkSigner {
  constructor(
    private readonly secret: string,
    private readonly baseUrl: string,
  ) {}

  /** The placeholder a stored letter carries for link `linkId`. */
  static mark(linkId: string): string {
    return `{{answer-link:${linkId}}}`;
  }

  token(linkId: string): string {
    const id = Buffer.from(linkId.replace(/-/g, ''), 'hex').toString('base64url');
    return `${id}.${this.sign(id)}`;
  }

  /** The link id a token was signed for; undefined for anything malformed or forged. */
  verify(token: unknown): string | undefined {
    if (typeof token !== 'string' || token.length > 100) return undefined;
    const [id, signature, extra] = token.split('.');
    if (!id || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const hex = Buffer.from(id, 'base64url').toString('hex');
    const linkId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return UUID.test(linkId) ? linkId : undefined;
  }

  url(linkId: string): string {
    // In the fragment: browsers never send it, so no server or proxy logs the token.
    return `${this.baseUrl}/answer#t=${this.token(linkId)}`;
  }

  /** The text with every link placeholder written out as the customer's link. */
  expand(text: string): string {
    return text.replace(MARK, (_, linkId: string) => this.url(linkId));
  }

  /** The text with links shown as placeholders again (for people who read what was sent). */
  static hideTokens(text: string): string {
    return text.replace(/(\/answer#t=)[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '$1…');
  }

  private sign(id: string): string {
    return createHmac('sha256', this.secret).update(`answer-link:${id}`).digest('base64url');
  }
}
