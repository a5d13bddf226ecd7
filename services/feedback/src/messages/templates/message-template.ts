import type { Language } from '@complaints/contracts';
import { LANGUAGES } from '@complaints/contracts';

export interface MessageText {
  subject: string;
  body: string;
  /** For messages that may lack a reference number (decisions on events from before it was carried). */
  subjectWithoutReference?: string;
}

/** What was rendered, and from which template: the proof names both. */
export interface RenderedMessage extends MessageText {
  templateId: string;
  templateVersion: number;
}

/** A message lacked a part the rules require: it is refused, never sent. */
export class MessageRefusedError extends Error {
  constructor(
    readonly templateId: string,
    readonly missing: string[],
  ) {
    super(`${templateId}: missing ${missing.join(', ')}`);
    this.name = 'MessageRefusedError';
  }
}

/**
 * Fills `{name}` placeholders. A placeholder without a value, or with a blank one, is a
 * missing part: the message is refused rather than sent with a gap.
 */
export function fill(
  templateId: string,
  text: string,
  values: Record<string, string | undefined>,
): string {
  const missing = new Set<string>();
  const filled = text.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return '';
    }
    return value;
  });
  if (missing.size > 0) throw new MessageRefusedError(templateId, [...missing]);
  return filled;
}

/**
 * A template as data must say, in every language, each thing its message exists to say:
 * refused at start (the service does not run with a template that would send gaps).
 */
export function checkTexts(
  templateId: string,
  placeholders: string[],
  texts: Partial<Record<Language, MessageText>>,
): void {
  const missing: string[] = [];
  for (const language of LANGUAGES) {
    const text = texts[language];
    if (!text) {
      missing.push(`${language}`);
      continue;
    }
    for (const name of placeholders) {
      if (!`${text.subject}\n${text.body}`.includes(`{${name}}`)) {
        missing.push(`${language}:{${name}}`);
      }
    }
  }
  if (missing.length > 0) throw new MessageRefusedError(templateId, missing);
}

/** A date as customers read it: 2026年1月17日 / 17 January 2026, in the insurer's time zone. */
export function customerDate(at: Date, language: Language, timeZone: string): string {
  if (language === 'zh') {
    const parts = formatter('zh', timeZone).formatToParts(at);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return `${part('year')}年${part('month')}月${part('day')}日`;
  }
  return formatter('en', timeZone).format(at);
}

/**
 * One formatter per language and zone, made on first use: building an Intl.DateTimeFormat
 * costs far more than formatting with it (a tenth of a millisecond each, in every message).
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let made = FORMATTERS.get(key);
  if (!made) {
    made =
      language === 'zh'
        ? new Intl.DateTimeFormat('en-CA', {
            timeZone,
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
          })
        : new Intl.DateTimeFormat('en-GB', {
            timeZone,
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          });
    FORMATTERS.set(key, made);
  }
  return made;
}
