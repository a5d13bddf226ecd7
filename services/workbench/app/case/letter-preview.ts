import type { Language, Money, Outcome } from '../api/types';

/**
 * The decision letter as feedback will write it (services/feedback/src/responses/
 * response-letter.ts), for the handler to read before sending. The letter the customer gets is
 * feedback's; the case page shows it once written.
 */
export interface LetterDraft {
  language: Language;
  outcome: Outcome;
  round: number;
  referenceNumber?: string;
  summary: string;
  rootCause: string;
  remedy?: string;
  compensation?: Money;
}

/** feedback's default survey window (SURVEY_WINDOW_HOURS). */
const SURVEY_WINDOW_DAYS = 3;
const ZH_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

const TEXT = {
  zh: {
    salutation: '尊敬的客户：',
    opening: (ref: string | undefined, round: number) =>
      `${ref ? `关于您的投诉（投诉编号：${ref}），` : '关于您的投诉，'}` +
      `${round > 1 ? '我司已根据您的意见重新调查核实' : '我司已完成调查核实'}，现将处理结果告知如下。`,
    decision: {
      upheld: '经调查核实，您反映的问题属实，我司认定您的投诉成立，并向您致以诚挚的歉意。',
      partially_upheld: '经调查核实，您反映的问题部分属实，我司认定您的投诉部分成立。',
      rejected:
        '经调查核实，我司在您反映的事项中未发现过错，认定您的投诉不成立。我们理解这可能不是您期望的结果。',
    },
    headings: ['处理结论', '调查结果', '依据与理由', '处理措施', '您的权利', '满意度评价'],
    compensation: (amount: string) => `我司将向您支付补偿金${amount}。`,
    rights:
      '如您对本处理决定有异议，可自收到本决定之日起30日内向我司申请内部复核，' +
      '我司将自收到复核申请之日起30日内作出复核决定。您也可以申请调解，或依法申请仲裁、向人民法院提起诉讼。',
    survey: `请在收到本函后${SURVEY_WINDOW_DAYS}日内告诉我们您对处理结果是否满意。如您不满意，我们将进一步处理。`,
    signOff: '此致\n敬礼\n\n客户服务中心',
    section: (n: number) => `${ZH_NUMERALS[n - 1] ?? String(n)}、`,
  },
  en: {
    salutation: 'Dear customer,',
    opening: (ref: string | undefined, round: number) =>
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
    headings: [
      'Our decision',
      'What we found',
      'The basis and reasons for our decision',
      'What we will do to put things right',
      'If you disagree with this decision',
      'Tell us what you think',
    ],
    compensation: (amount: string) => `We will pay you compensation of ${amount}.`,
    rights:
      'You may ask us for an internal review within 30 days of receiving this decision; we will decide on the ' +
      'review within 30 days of your request. You may also seek mediation, apply for arbitration, or bring a claim ' +
      'before the courts.',
    survey:
      `Please tell us within ${SURVEY_WINDOW_DAYS} days of receiving this letter whether you are satisfied with the outcome. ` +
      'If you are not, we will take it further.',
    signOff: 'Yours faithfully,\n\nCustomer Service',
    section: (n: number) => `${n}. `,
  },
} as const;

/** As feedback's letter shows money: ¥1,234.50 in Chinese, CNY 1,234.50 in English. */
export function formatMoney(money: Money, language: Language): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const scale = 10 ** digits;
  const major = Math.floor(money.amountMinor / scale)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction =
    digits > 0 ? `.${(money.amountMinor % scale).toString().padStart(digits, '0')}` : '';
  const symbol = language === 'zh' && money.currency === 'CNY' ? '¥' : undefined;
  return symbol ? `${symbol}${major}${fraction}` : `${money.currency} ${major}${fraction}`;
}

export function previewLetter(d: LetterDraft): string {
  const t = TEXT[d.language];
  const remedy = [
    d.remedy,
    d.compensation && t.compensation(formatMoney(d.compensation, d.language)),
  ]
    .filter((line): line is string => Boolean(line))
    .join('\n');
  const [hDecision, hFindings, hBasis, hRemedy, hRights, hSurvey] = t.headings;
  const sections: [string, string][] = [
    [hDecision, t.decision[d.outcome]],
    [hFindings, d.summary],
    [hBasis, d.rootCause],
    ...(remedy ? [[hRemedy, remedy] as [string, string]] : []),
    [hRights, t.rights],
    [hSurvey, t.survey],
  ];
  return [
    t.salutation,
    t.opening(d.referenceNumber, d.round),
    ...sections.map(([heading, text], i) => `${t.section(i + 1)}${heading}\n${text}`),
    t.signOff,
  ].join('\n\n');
}
