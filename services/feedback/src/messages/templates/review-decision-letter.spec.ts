import reviewDecisionData from './review-decision.template.json';
import { MessageRefusedError } from './message-template';
import { ReviewDecisionLetter } from './review-decision-letter';

const LINE = '如您对处理结果仍有异议，还可拨打国家金融监督管理总局消费者投诉热线12378反映。';
const LINK = {
  mark: '{{answer-link:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}}',
  until: '2026年2月4日',
};

describe('the review-decision letter', () => {
  const letter = new ReviewDecisionLetter();

  it('states the outcome, the findings, the basis, the remedy and the remedies still open, in Chinese', () => {
    const zh = letter.render('zh', 'CMP-2026-0000042', {
      outcome: 'overturned',
      findings: '理赔材料已于1月3日齐全',
      basis: '审批环节没有时限',
      remedy: '赔付并支付利息',
      regulatorLine: LINE,
      answerLink: LINK,
    });
    expect(zh).toMatchObject({ templateId: 'review-decision', templateVersion: 2 });
    expect(zh.subject).toContain('CMP-2026-0000042');
    for (const part of [
      '撤销原处理决定',
      '理赔材料已于1月3日齐全',
      '审批环节没有时限',
      '赔付并支付利息',
      '调解',
      '仲裁',
      '诉讼',
      '12378',
    ])
      expect(zh.body).toContain(part);
    // The review is spent: the letter offers no second one, only the link to rate it.
    expect(zh.body).not.toContain('申请内部复核');
    expect(zh.body).toContain(`链接仅可使用一次，2026年2月4日前有效：\n${LINK.mark}`);
  });

  it('says in English that the decision is upheld, with nothing further when no remedy is given', () => {
    const en = letter.render('en', undefined, {
      outcome: 'upheld',
      findings: 'The claim was paid on time',
      basis: 'Policy clause 4.2',
      answerLink: { ...LINK, until: '4 February 2026' },
    });
    expect(en.subject).toBe('The internal review of our decision on your complaint');
    expect(en.body).toContain('upheld');
    expect(en.body).toContain('What we will do: nothing further.');
    for (const part of ['mediation', 'arbitration', 'courts']) expect(en.body).toContain(part);
    expect(en.body).toContain(`It works once, until 4 February 2026:\n${LINK.mark}`);
  });

  it('refuses a letter without findings, and a template that drops a remedy', () => {
    expect(() =>
      letter.render('en', 'CMP-1', {
        outcome: 'upheld',
        findings: ' ',
        basis: 'Clause 4.2',
        answerLink: LINK,
      }),
    ).toThrow(MessageRefusedError);
    const broken = {
      ...reviewDecisionData,
      requiredParts: { ...reviewDecisionData.requiredParts, en: { mediation: 'mediation' } },
    };
    expect(() => new ReviewDecisionLetter(broken as never)).toThrow(/en:arbitration/);
    const linkless = {
      ...reviewDecisionData,
      answerLink: { zh: reviewDecisionData.answerLink.zh },
    };
    expect(() => new ReviewDecisionLetter(linkless as never)).toThrow(/en:answerLink/);
  });
});
