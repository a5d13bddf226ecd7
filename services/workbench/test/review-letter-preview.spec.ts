// The preview must read exactly as the review letter feedback sends: compared with feedback's
// own writer and its versioned template (a test-only reach; the app never imports it).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ReviewDecisionLetter } from '../../feedback/src/messages/templates/review-decision-letter';
import {
  LINK_PLACEHOLDER,
  previewReviewLetter,
  ReviewLetterDraft,
} from '../app/case/review-letter-preview';

const drafts: ReviewLetterDraft[] = [
  {
    language: 'zh',
    reviewOutcome: 'overturned',
    referenceNumber: 'CMP-2026-0000042',
    summary: '复核确认：理赔材料在后台滞留。',
    rootCause: '原补偿金额未计入延误期间的利息。',
    remedy: '补付延误利息。',
  },
  {
    language: 'en',
    reviewOutcome: 'upheld',
    summary: 'The claim was handled within the terms.',
    rootCause: 'Terms 4.2 apply.',
  },
];

describe("the review decision letter's preview", () => {
  const writer = new ReviewDecisionLetter();

  it.each(drafts.map((d) => [`${d.language} ${d.reviewOutcome}`, d] as const))(
    'reads as feedback writes it (%s)',
    (_name, d) => {
      const sent = writer.render(d.language, d.referenceNumber, {
        outcome: d.reviewOutcome,
        findings: d.summary,
        basis: d.rootCause,
        ...(d.remedy ? { remedy: d.remedy } : {}),
        answerLink: {
          mark: LINK_PLACEHOLDER[d.language].url,
          until: LINK_PLACEHOLDER[d.language].until,
        },
      });
      expect(previewReviewLetter(d)).toBe(sent.body);
    },
  );

  it('states the outcome of the review, its reasons and the remedies still open', () => {
    const letter = previewReviewLetter(drafts[0] as ReviewLetterDraft);
    expect(letter).toContain('复核结论：撤销原处理决定');
    expect(letter).toContain('依据和理由：原补偿金额未计入延误期间的利息。');
    expect(letter).toMatch(/调解.*仲裁.*诉讼/);
    expect(letter).not.toContain('申请内部复核');
  });
});
