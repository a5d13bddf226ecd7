import { INVESTIGATION_OUTCOMES } from '@complaints/contracts';
import { LetterInput, writeResponseLetter } from './response-letter';

const aLetter = (overrides: Partial<LetterInput> = {}): LetterInput => ({
  language: 'zh',
  outcome: 'upheld',
  round: 1,
  referenceNumber: 'CMP-2026-0000042',
  summary: '理赔材料于2月11日已齐全，因内部审批缺失导致赔款延迟。',
  rootCause: '审批环节未设置时限。',
  remedy: '已支付赔款及延迟利息。',
  compensation: { amountMinor: 123_450, currency: 'CNY' },
  surveyWindowHours: 72,
  ...overrides,
});

describe('the decision letter', () => {
  it('states, in Chinese, the decision, findings, reasons, remedy, compensation and the remedies left', () => {
    const body = writeResponseLetter(aLetter());
    expect(body).toContain('尊敬的客户');
    expect(body).toContain('投诉编号：CMP-2026-0000042');
    expect(body).toContain('您的投诉成立');
    expect(body).toContain('二、调查结果\n理赔材料于2月11日已齐全');
    expect(body).toContain('三、依据与理由\n审批环节未设置时限。');
    expect(body).toContain('四、处理措施\n已支付赔款及延迟利息。\n我司将向您支付补偿金¥1,234.50。');
    expect(body).toContain('30日内向我司申请内部复核');
    expect(body).toMatch(/调解.*仲裁.*诉讼/);
    expect(body).toContain('3日内');
  });

  it('states the same in English with the amount as code and number', () => {
    const body = writeResponseLetter(
      aLetter({
        language: 'en',
        summary: 'The claim was complete on 11 February.',
        rootCause: 'No approval deadline.',
        remedy: 'Claim paid with interest.',
      }),
    );
    expect(body).toContain('Re: your complaint CMP-2026-0000042');
    expect(body).toContain('we uphold it');
    expect(body).toContain('2. What we found\nThe claim was complete on 11 February.');
    expect(body).toContain('3. The basis and reasons for our decision\nNo approval deadline.');
    expect(body).toContain('We will pay you compensation of CNY 1,234.50.');
    expect(body).toContain('internal review within 30 days');
    expect(body).toMatch(/mediation.*arbitration.*courts/);
    expect(body).toContain('within 3 days');
    expect(body).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(INVESTIGATION_OUTCOMES)(
    'has its own decision statement for %s in each language',
    (outcome) => {
      const others = INVESTIGATION_OUTCOMES.filter((o) => o !== outcome);
      for (const language of ['zh', 'en'] as const) {
        const decision = (o: typeof outcome) =>
          writeResponseLetter(aLetter({ language, outcome: o }))
            .split('\n\n')
            .find((part) => part.startsWith('一、') || part.startsWith('1. '));
        for (const other of others) expect(decision(outcome)).not.toBe(decision(other));
      }
    },
  );

  it('says which outcome it is', () => {
    expect(writeResponseLetter(aLetter({ outcome: 'partially_upheld' }))).toContain('部分成立');
    expect(writeResponseLetter(aLetter({ outcome: 'rejected' }))).toContain('投诉不成立');
    expect(writeResponseLetter(aLetter({ language: 'en', outcome: 'partially_upheld' }))).toContain(
      'uphold it in part',
    );
    expect(writeResponseLetter(aLetter({ language: 'en', outcome: 'rejected' }))).toContain(
      'do not uphold',
    );
  });

  it('leaves out the remedy section when there is neither remedy nor compensation, and renumbers', () => {
    const zh = writeResponseLetter(
      aLetter({ outcome: 'rejected', remedy: undefined, compensation: undefined }),
    );
    expect(zh).not.toContain('处理措施');
    expect(zh).toContain('四、您的权利');
    const en = writeResponseLetter(
      aLetter({ language: 'en', outcome: 'rejected', remedy: undefined, compensation: undefined }),
    );
    expect(en).not.toContain('put things right');
    expect(en).toContain('4. If you disagree with this decision');
  });

  it('names compensation alone when no other remedy is given', () => {
    const en = writeResponseLetter(
      aLetter({
        language: 'en',
        remedy: undefined,
        compensation: { amountMinor: 5000, currency: 'CNY' },
      }),
    );
    expect(en).toContain(
      '4. What we will do to put things right\nWe will pay you compensation of CNY 50.00.',
    );
  });

  it('reads without a reference number, and says so when it answers a reopened complaint', () => {
    expect(writeResponseLetter(aLetter({ referenceNumber: undefined, round: 2 }))).toContain(
      '关于您的投诉，我司已根据您的意见重新调查核实',
    );
    const en = writeResponseLetter(
      aLetter({ language: 'en', referenceNumber: undefined, round: 2 }),
    );
    expect(en).not.toContain('Re:');
    expect(en).toContain('At your request we have investigated your complaint again.');
  });

  it('gives a survey window that is not whole days in hours', () => {
    expect(writeResponseLetter(aLetter({ surveyWindowHours: 36 }))).toContain('36小时内');
    expect(writeResponseLetter(aLetter({ language: 'en', surveyWindowHours: 24 }))).toContain(
      'within 1 day of',
    );
  });
});
