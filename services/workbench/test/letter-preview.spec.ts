// The preview must read exactly as the letter feedback sends: compared with feedback's own
// writer (a test-only reach into another service; the app itself never imports it).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { writeResponseLetter } from '../../feedback/src/responses/response-letter';
import { previewLetter, LetterDraft } from '../app/case/letter-preview';

const drafts: LetterDraft[] = [
  {
    language: 'zh',
    outcome: 'upheld',
    round: 1,
    referenceNumber: 'CMP-2026-0000042',
    summary: '理赔材料齐全，但在后台滞留三个月。',
    rootCause: '后台积压，审核超时。',
    remedy: '十个工作日内赔付。',
    compensation: { amountMinor: 123456789, currency: 'CNY' },
  },
  {
    language: 'en',
    outcome: 'partially_upheld',
    round: 2,
    summary: 'The claim was paid late.',
    rootCause: 'A backlog in the claims team.',
    compensation: { amountMinor: 5, currency: 'GBP' },
  },
  {
    language: 'en',
    outcome: 'rejected',
    round: 1,
    summary: 'No failing.',
    rootCause: 'Terms 4.2.',
  },
  {
    language: 'zh',
    outcome: 'rejected',
    round: 3,
    summary: '未发现过错。',
    rootCause: '条款第4.2条。',
  },
];

describe('the decision letter preview', () => {
  it.each(drafts.map((d) => [`${d.language} ${d.outcome} round ${d.round}`, d] as const))(
    'reads as feedback writes it (%s)',
    (_name, draft) => {
      expect(previewLetter(draft)).toBe(writeResponseLetter({ ...draft, surveyWindowHours: 72 }));
    },
  );

  it('states the findings, the basis and reasons, the remedy and the compensation', () => {
    const letter = previewLetter(drafts[0]);
    expect(letter).toContain('三、依据与理由\n后台积压，审核超时。');
    expect(letter).toContain('十个工作日内赔付。\n我司将向您支付补偿金¥1,234,567.89。');
  });
});
