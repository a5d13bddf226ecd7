import type { Language, PauseKind } from '@complaints/contracts';
import acknowledgementData from './acknowledgement.template.json';
import clockNoticeData from './clock-notices.template.json';
import decisionLetterData from './decision-letter.template.json';
import {
  checkTexts,
  customerDate,
  fill,
  MessageRefusedError,
  MessageText,
  RenderedMessage,
} from './message-template';

export interface TemplateData {
  id: string;
  version: number;
  placeholders: string[];
  languages: Partial<Record<Language, MessageText>>;
}

export interface DecisionLetterData extends TemplateData {
  /** Per language, each remedy the letter must name and the words that name it. */
  requiredParts: Partial<Record<Language, Record<string, string>>>;
  regulatorLine: Partial<Record<Language, string>>;
  /** Per language, the paragraph that gives the answer link: `{url}` and its expiry `{until}`. */
  answerLink: Partial<Record<Language, string>>;
}

/** The customer's answer link as a letter carries it: its placeholder and when it expires. */
export interface LetterAnswerLink {
  /** What the stored letter holds; written out as the signed link when it is sent. */
  mark: string;
  expiresAt: Date;
}

export interface ClockNoticeData {
  id: string;
  version: number;
  placeholders: string[];
  notices: Record<'extension' | 'pause' | 'merge', Partial<Record<Language, MessageText>>>;
  pauseKinds: Partial<Record<Language, Partial<Record<PauseKind, string>>>>;
}

/** The remedies every decision letter states (China, 2020 rules), whatever its language. */
export const REQUIRED_REMEDIES = ['internal-review', 'mediation', 'arbitration', 'litigation'];

export interface MessageSettings {
  timeZone: string;
  /** The regulator's complaint line, for China-policy complaints; absent: not named. */
  regulatorLine?: string;
}

/**
 * The customer messages, rendered from the templates kept as data beside this file (each with
 * its id and version, in Chinese and English). Every template is checked when the service
 * starts; every message is checked again when rendered, and refused with what it lacks.
 */
export class MessageTemplates {
  constructor(
    private readonly settings: MessageSettings,
    private readonly acknowledgementTemplate: TemplateData = acknowledgementData,
    private readonly decisionTemplate: DecisionLetterData = decisionLetterData,
    private readonly clockTemplate: ClockNoticeData = clockNoticeData,
  ) {
    checkTexts(
      acknowledgementTemplate.id,
      acknowledgementTemplate.placeholders,
      acknowledgementTemplate.languages,
    );
    checkTexts(decisionTemplate.id, decisionTemplate.placeholders, decisionTemplate.languages);
    for (const notice of Object.values(clockTemplate.notices)) {
      checkTexts(clockTemplate.id, clockTemplate.placeholders, notice);
    }
    const missing = (['zh', 'en'] as const).flatMap((language) =>
      REQUIRED_REMEDIES.filter((r) => !decisionTemplate.requiredParts[language]?.[r]).map(
        (r) => `${language}:${r}`,
      ),
    );
    if (missing.length > 0) throw new MessageRefusedError(decisionTemplate.id, missing);
  }

  acknowledgement(language: Language, reference: string, dueAt: Date): RenderedMessage {
    return this.render(
      this.acknowledgementTemplate,
      this.acknowledgementTemplate.languages,
      language,
      {
        reference,
        dueDate: customerDate(dueAt, language, this.settings.timeZone),
      },
    );
  }

  /**
   * The decision letter around the text the letter writer produced. Refused when the findings
   * or the basis and reasons are blank, or the text fails to name a remedy left to the
   * complainant (and, for China-policy complaints, the regulator's line).
   */
  decisionLetter(
    language: Language,
    reference: string | undefined,
    parts: { findings: string; basis: string },
    letter: string,
    answerLink: LetterAnswerLink,
  ): RenderedMessage {
    const t = this.decisionTemplate;
    const missing = [
      ...(parts.findings.trim() ? [] : ['findings']),
      ...(parts.basis.trim() ? [] : ['basis']),
      ...REQUIRED_REMEDIES.filter((r) => {
        const words = t.requiredParts[language]?.[r];
        return !words || !letter.includes(words);
      }),
    ];
    const line = this.regulatorLine(language);
    if (line && !letter.includes(line)) missing.push('regulator-line');
    if (missing.length > 0) throw new MessageRefusedError(t.id, missing);
    const text = t.languages[language];
    const subject = reference ? text?.subject : text?.subjectWithoutReference;
    if (!text || !subject)
      throw new MessageRefusedError(t.id, [reference ? language : 'reference']);
    const linkText = t.answerLink[language];
    if (!linkText) throw new MessageRefusedError(t.id, [`${language}:answerLink`]);
    return this.render(t, { [language]: { subject, body: text.body } }, language, {
      reference,
      letter,
      answerLink: fill(t.id, linkText, {
        url: answerLink.mark,
        until: customerDate(answerLink.expiresAt, language, this.settings.timeZone),
      }),
    });
  }

  /** A date as the customer reads it, in the insurer's time zone. */
  customerDate(at: Date, language: Language): string {
    return customerDate(at, language, this.settings.timeZone);
  }

  /** The sentence naming the regulator's line, or undefined where it is not named. */
  regulatorLine(language: Language): string | undefined {
    const line = this.settings.regulatorLine;
    const text = this.decisionTemplate.regulatorLine[language];
    return line && text ? fill(this.decisionTemplate.id, text, { regulatorLine: line }) : undefined;
  }

  extensionNotice(
    language: Language,
    reference: string,
    reason: string,
    dueAt: Date,
  ): RenderedMessage {
    return this.render(this.clockTemplate, this.clockTemplate.notices.extension, language, {
      reference,
      reason,
      dueDate: customerDate(dueAt, language, this.settings.timeZone),
    });
  }

  pauseNotice(
    language: Language,
    reference: string,
    reason: string,
    kind: PauseKind,
  ): RenderedMessage {
    return this.render(this.clockTemplate, this.clockTemplate.notices.pause, language, {
      reference,
      reason,
      pauseKind: this.clockTemplate.pauseKinds[language]?.[kind],
    });
  }

  /** A repeat complaint handled with the customer's earlier one: no new clock, one answer. */
  mergeNotice(
    language: Language,
    reference: string,
    reason: string,
    earlierReference: string,
  ): RenderedMessage {
    return this.render(this.clockTemplate, this.clockTemplate.notices.merge, language, {
      reference,
      reason,
      earlierReference,
    });
  }

  private render(
    template: { id: string; version: number },
    texts: Partial<Record<Language, MessageText>>,
    language: Language,
    values: Record<string, string | undefined>,
  ): RenderedMessage {
    const text = texts[language];
    if (!text) throw new MessageRefusedError(template.id, [language]);
    return {
      templateId: template.id,
      templateVersion: template.version,
      subject: fill(template.id, text.subject, values),
      body: fill(template.id, text.body, values),
    };
  }
}
