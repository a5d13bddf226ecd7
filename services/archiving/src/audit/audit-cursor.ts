import { RequestValidationException } from '@complaints/platform';

/** Where a page ended: the last entry's time and id (entries are ordered by both, newest first). */
export interface AuditCursor {
  at: Date;
  eventId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients: base64url of `<epoch ms>.<event id>`. */
export function encodeCursor(c: AuditCursor): string {
  return Buffer.from(`${c.at.getTime()}.${c.eventId}`, 'utf8').toString('base64url');
}

/** The cursor, or 400 problem+json naming the `cursor` field. */
export function decodeCursor(text: string): AuditCursor {
  const [ms, eventId] = Buffer.from(text, 'base64url').toString('utf8').split('.');
  const at = new Date(Number(ms));
  if (!/^\d{1,15}$/.test(ms ?? '') || Number.isNaN(at.getTime()) || !UUID.test(eventId ?? '')) {
    throw new RequestValidationException([
      { field: 'cursor', reason: 'cursor must be the nextCursor of a previous page' },
    ]);
  }
  return { at, eventId };
}
