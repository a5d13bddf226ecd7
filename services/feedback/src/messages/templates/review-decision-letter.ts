import type { Language, ReviewOutcome } from '@complaints/contracts';
import reviewDecisionData from './review-decision.template.json';
import {
  checkTexts,
  fill,
  MessageRefusedError,
  MessageText,
  RenderedMessage,
} from './message-template';

/** The remedies still open after an internal review: the review itself is spent. */
export const REVIEW_REMEDIES = ['mediation', 'arbitration', 'litigation'];

export interface ReviewDecisionData {
  id: string;
  version: number;
  placeholders: string[];
  languages: Partial<Record<Language, MessageText>>;
  outcomes: Partial<Record<Language, Record<ReviewOutcome, string>>>;
  noRemedy: Partial<Record<Language, string>>;
  /** Per language, the paragraph naming the remedies still open. */
  remedies: Partial<Record<Language, string>>;
  /** Per language, the paragraph that gives the answer link: `{url}` and its expiry `{until}`. */
  answerLink: Partial<Record<Language, string>>;
  /** Per language, each remedy the letter must name and the words that name it. */
  requiredParts: Partial<Record<Language, Record<string, string>>>;
}

/** What an internal review's letter states. */
export interface ReviewDecisionParts {
  outcome: ReviewOutcome;
  findings: string;
  basis: string;
  remedy?: string;
  /** The sentence naming the regulator's line, where it is named. */
  regulatorLine?: string;
  /**
   * The customer's one-time answer link (rate the review, say whether it is solved): its
   * placeholder and expiry, written out as customers read it (`until`, a date in their language).
   */
  answerLink: { mark: string; until: string };
}

/**
 * The review-decision letter (versioned data beside this file, Chinese and English): the
 * review's outcome (upheld or overturned), its findings, basis and reasons, what the insurer
 * will do, and the remedies still open (mediation, arbitration, the courts, and the
 * regulator's line for China-policy complaints), and the customer's answer link. Checked at
 * start; a letter lacking a part is refused, never sent.
 */
export class ReviewDecisionLetter {
  constructor(private readonly t: ReviewDecisionData = reviewDecisionData) {
    checkTexts(t.id, t.placeholders, t.languages);
    const missing = (['zh', 'en'] as const).flatMap((language) => [
      ...REVIEW_REMEDIES.filter((r) => !t.requiredParts[language]?.[r]).map(
        (r) => `${language}:${r}`,
      ),
      ...(t.outcomes[language]?.upheld && t.outcomes[language]?.overturned
        ? []
        : [`${language}:outcomes`]),
      ...(t.answerLink[language]?.includes('{url}') ? [] : [`${language}:answerLink`]),
    ]);
    if (missing.length > 0) throw new MessageRefusedError(t.id, missing);
  }

  render(
    language: Language,
    reference: string | undefined,
    parts: ReviewDecisionParts,
  ): RenderedMessage {
    const t = this.t;
    const text = t.languages[language];
    const subject = reference ? text?.subject : text?.subjectWithoutReference;
    if (!text || !subject)
      throw new MessageRefusedError(t.id, [reference ? language : 'reference']);
    const remedies = [t.remedies[language], parts.regulatorLine].filter(Boolean).join('');
    const values = {
      reference,
      reviewOutcome: t.outcomes[language]?.[parts.outcome],
      findings: parts.findings,
      basis: parts.basis,
      remedy: parts.remedy ?? t.noRemedy[language],
      remedies,
      answerLink: t.answerLink[language]
        ? fill(t.id, t.answerLink[language] ?? '', {
            url: parts.answerLink.mark,
            until: parts.answerLink.until,
          })
        : undefined,
    };
    const body = fill(t.id, text.body, values);
    const lacking = REVIEW_REMEDIES.filter((r) => {
      const words = t.requiredParts[language]?.[r];
      return !words || !body.includes(words);
    });
    if (parts.regulatorLine && !body.includes(parts.regulatorLine)) lacking.push('regulator-line');
    if (lacking.length > 0) throw new MessageRefusedError(t.id, lacking);
    return {
      templateId: t.id,
      templateVersion: t.version,
      subject: fill(t.id, subject, values),
      body,
    };
  }
}
