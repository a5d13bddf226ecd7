import type { InvestigationOutcome, Language } from '@complaints/contracts';
import { formatMoney, Money } from './money-format';

/** What the decision letter is written from: the investigation's decision and the survey window. */
export interface LetterInput {
  language: Language;
  outcome: InvestigationOutcome;
  /** 1 = first decision; later rounds answer a reopened complaint */
  round: number;
  referenceNumber?: string;
  /** findings, as told to the customer */
  summary: string;
  /** the basis and reasons */
  rootCause: string;
  remedy?: string;
  compensation?: Money;
  /** hours the customer has to answer the survey */
  surveyWindowHours: number;
  /** The sentence naming the regulator's complaint line (China-policy complaints); absent: none. */
  regulatorLine?: string;
}

interface LetterTemplate {
  salutation: string;
  opening(referenceNumber: string | undefined, round: number): string;
  /** The decision, one statement per outcome. */
  decision: Record<InvestigationOutcome, string>;
  headings: {
    decision: string;
    findings: string;
    basis: string;
    remedy: string;
    rights: string;
    survey: string;
  };
  compensation(amount: string): string;
  /** The remedies left to the complainant, as the 2020 rules require every decision to state. */
  rights: string;
  survey(window: string): string;
  window(hours: number): string;
  signOff: string;
  sectionNumber(n: number): string;
  /** Between two sentences. */
  join: string;
}

const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

const TEMPLATES: Record<Language, LetterTemplate> = {
  zh: {
    salutation: '尊敬的客户：',
    opening: (ref, round) =>
      `${ref ? `关于您的投诉（投诉编号：${ref}），` : '关于您的投诉，'}` +
      `${round > 1 ? '我司已根据您的意见重新调查核实' : '我司已完成调查核实'}，现将处理结果告知如下。`,
    decision: {
      upheld: '经调查核实，您反映的问题属实，我司认定您的投诉成立，并向您致以诚挚的歉意。',
      partially_upheld: '经调查核实，您反映的问题部分属实，我司认定您的投诉部分成立。',
      rejected:
        '经调查核实，我司在您反映的事项中未发现过错，认定您的投诉不成立。我们理解这可能不是您期望的结果。',
    },
    headings: {
      decision: '处理结论',
      findings: '调查结果',
      basis: '依据与理由',
      remedy: '处理措施',
      rights: '您的权利',
      survey: '满意度评价',
    },
    compensation: (amount) => `我司将向您支付补偿金${amount}。`,
    rights:
      '如您对本处理决定有异议，可自收到本决定之日起30日内向我司申请内部复核，' +
      '我司将自收到复核申请之日起30日内作出复核决定。您也可以申请调解，或依法申请仲裁、向人民法院提起诉讼。',
    survey: (window) =>
      `请在收到本函后${window}内告诉我们您对处理结果是否满意。如您不满意，我们将进一步处理。`,
    window: (hours) => (hours % 24 === 0 ? `${hours / 24}日` : `${hours}小时`),
    signOff: '此致\n敬礼\n\n客户服务中心',
    sectionNumber: (n) => `${ZH_NUMERALS[n - 1] ?? String(n)}、`,
    join: '',
  },
  en: {
    salutation: 'Dear customer,',
    opening: (ref, round) =>
      `${ref ? `Re: your complaint ${ref}\n\n` : ''}` +
      `${round > 1 ? 'At your request we have investigated your complaint again.' : 'We have completed our investigation of your complaint.'}` +
      ' This letter sets out our decision.',
    decision: {
      upheld:
        'We have found that your complaint is justified and we uphold it. We apologise for what happened.',
      partially_upheld:
        'We have found that your complaint is justified in part, and we uphold it in part.',
      rejected:
        'We have found no failing on our part in the matters you raised, so we do not uphold your complaint. ' +
        'We understand this is not the answer you hoped for.',
    },
    headings: {
      decision: 'Our decision',
      findings: 'What we found',
      basis: 'The basis and reasons for our decision',
      remedy: 'What we will do to put things right',
      rights: 'If you disagree with this decision',
      survey: 'Tell us what you think',
    },
    compensation: (amount) => `We will pay you compensation of ${amount}.`,
    rights:
      'You may ask us for an internal review within 30 days of receiving this decision; we will decide on the ' +
      'review within 30 days of your request. You may also seek mediation, apply for arbitration, or bring a claim ' +
      'before the courts.',
    survey: (window) =>
      `Please tell us within ${window} of receiving this letter whether you are satisfied with the outcome. ` +
      'If you are not, we will take it further.',
    window: (hours) => (hours % 24 === 0 ? plural(hours / 24, 'day') : plural(hours, 'hour')),
    signOff: 'Yours faithfully,\n\nCustomer Service',
    sectionNumber: (n) => `${n}. `,
    join: ' ',
  },
};

/**
 * The decision letter: the findings, the basis and reasons, the remedy and compensation where
 * there are any, the remedies left to the complainant, and the satisfaction survey.
 */
export function writeResponseLetter(input: LetterInput): string {
  const t = TEMPLATES[input.language];
  const remedy = [
    input.remedy,
    input.compensation && t.compensation(formatMoney(input.compensation, input.language)),
  ]
    .filter((line): line is string => Boolean(line))
    .join('\n');
  const sections: [string, string][] = [
    [t.headings.decision, t.decision[input.outcome]],
    [t.headings.findings, input.summary],
    [t.headings.basis, input.rootCause],
    ...(remedy ? [[t.headings.remedy, remedy] as [string, string]] : []),
    [
      t.headings.rights,
      input.regulatorLine ? `${t.rights}${t.join}${input.regulatorLine}` : t.rights,
    ],
    [t.headings.survey, t.survey(t.window(input.surveyWindowHours))],
  ];
  return [
    t.salutation,
    t.opening(input.referenceNumber, input.round),
    ...sections.map(([heading, text], i) => `${t.sectionNumber(i + 1)}${heading}\n${text}`),
    t.signOff,
  ].join('\n\n');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
