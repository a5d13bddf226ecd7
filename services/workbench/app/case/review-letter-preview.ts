import type { Language, ReviewOutcome } from '../api/types';

/**
 * The internal review's decision letter as feedback will write it (services/feedback/src/
 * messages/templates/review-decision.template.json, version 2, rendered by
 * review-decision-letter.ts), for the reviewer to read before sending. The answer link and its
 * expiry are made when the letter is sent: the preview names them. A complaint on a China
 * policy also gets the regulator's line, which feedback adds.
 */
export interface ReviewLetterDraft {
  language: Language;
  reviewOutcome: ReviewOutcome;
  referenceNumber?: string;
  summary: string;
  rootCause: string;
  remedy?: string;
}

const TEXT = {
  zh: {
    body:
      '尊敬的客户：\n\n您申请的内部复核已完成。复核由未参与原处理决定的人员进行。\n\n复核结论：{reviewOutcome}\n\n' +
      '复核查明的事实：{findings}\n\n依据和理由：{basis}\n\n我司将采取的措施：{remedy}\n\n{remedies}\n\n' +
      '{answerLink}\n\n此致\n投诉复核组',
    outcomes: {
      upheld: '维持原处理决定。',
      overturned: '撤销原处理决定，改为本决定书所述的处理结果。',
    },
    noRemedy: '无进一步措施。',
    remedies:
      '内部复核为我司的最终处理意见。如您仍有异议，可依法申请调解，依据仲裁协议申请仲裁，或向人民法院提起诉讼。',
    answerLink:
      '请通过以下链接评价我们的复核、告诉我们问题是否已解决。链接仅可使用一次，{until}前有效：\n{url}',
  },
  en: {
    body:
      'Dear customer,\n\nThe internal review you asked for is complete. It was carried out by someone who took no part in the decision reviewed.\n\n' +
      'Outcome of the review: {reviewOutcome}\n\nWhat the review found: {findings}\n\nBasis and reasons: {basis}\n\n' +
      'What we will do: {remedy}\n\n{remedies}\n\n{answerLink}\n\nYours sincerely,\nComplaints review',
    outcomes: {
      upheld: 'the decision we sent you is upheld.',
      overturned: 'the decision we sent you is overturned and replaced by the one in this letter.',
    },
    noRemedy: 'nothing further.',
    remedies:
      'This review is our final position. If you still disagree, you may ask for mediation, apply for arbitration under an arbitration agreement, or bring the matter before the courts.',
    answerLink:
      'Please use this link to rate how we handled the review and tell us whether your complaint is solved. It works once, until {until}:\n{url}',
  },
} as const;

/** What stands for the answer link and its expiry, made only when the letter is sent. */
export const LINK_PLACEHOLDER = {
  zh: { url: '［答复链接，发送时生成］', until: '［发送时确定的日期］' },
  en: { url: '[answer link, made when sent]', until: '[a date set when sent]' },
} as const;

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export function previewReviewLetter(d: ReviewLetterDraft): string {
  const t = TEXT[d.language];
  const link = LINK_PLACEHOLDER[d.language];
  return fill(t.body, {
    reviewOutcome: t.outcomes[d.reviewOutcome],
    findings: d.summary,
    basis: d.rootCause,
    remedy: d.remedy ?? t.noRemedy,
    remedies: t.remedies,
    answerLink: fill(t.answerLink, { url: link.url, until: link.until }),
  });
}
