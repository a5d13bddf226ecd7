import acknowledgement from './acknowledgement.template.json';
import decisionLetter from './decision-letter.template.json';
import { MessageRefusedError } from './message-template';
import { MessageTemplates } from './message-templates';

const settings = { timeZone: 'Asia/Shanghai', regulatorLine: '12378' };
const parts = { findings: 'The claim was complete.', basis: 'Clause 7.2.' };
const link = { mark: '{{answer-link:x}}', expiresAt: new Date('2026-01-20T03:00:00.000Z') };
const remedies =
  'You may ask for an internal review within 30 days of receiving this decision. You may also seek ' +
  'mediation, apply for arbitration, or bring a claim before the courts.';

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    if (err instanceof MessageRefusedError) return err.missing;
    throw err;
  }
  throw new Error('not refused');
}

describe('message templates (data, zh/en, versioned)', () => {
  const templates = new MessageTemplates(settings);
  const line = templates.regulatorLine('en') ?? '';

  it('acknowledges with the reference and the due date as a Chinese or English reader writes it', () => {
    const due = new Date('2026-01-17T01:00:00.000Z');
    const zh = templates.acknowledgement('zh', 'CMP-1', due);
    expect(zh).toMatchObject({ templateId: 'acknowledgement', templateVersion: 1 });
    expect(zh.body).toContain('2026年1月17日');
    expect(templates.acknowledgement('en', 'CMP-1', due).body).toContain('17 January 2026');
  });

  it('passes a decision letter with every part, and refuses one missing a remedy, the findings, the basis or the regulator line', () => {
    expect(
      templates.decisionLetter('en', 'CMP-1', parts, `${remedies} ${line}`, link).subject,
    ).toBe('Our decision on your complaint CMP-1');
    expect(
      refusal(() =>
        templates.decisionLetter(
          'en',
          'CMP-1',
          parts,
          `${remedies.replace('arbitration', 'x')} ${line}`,
          link,
        ),
      ),
    ).toEqual(['arbitration']);
    expect(
      refusal(() =>
        templates.decisionLetter(
          'en',
          'CMP-1',
          { findings: ' ', basis: '' },
          `${remedies} ${line}`,
          link,
        ),
      ),
    ).toEqual(['findings', 'basis']);
    expect(refusal(() => templates.decisionLetter('en', 'CMP-1', parts, remedies, link))).toEqual([
      'regulator-line',
    ]);
    const elsewhere = new MessageTemplates({ timeZone: 'Asia/Shanghai' });
    expect(elsewhere.decisionLetter('en', 'CMP-1', parts, remedies, link).body).toMatch(
      new RegExp(`^${remedies}\n\n`),
    );
  });

  it('ends every decision letter with the answer link and the day it expires, in the letter language', () => {
    const zh = templates.decisionLetter(
      'zh',
      'CMP-1',
      parts,
      '30日内向我司申请内部复核 调解 仲裁 诉讼 ' + (templates.regulatorLine('zh') ?? ''),
      link,
    );
    expect(zh.templateVersion).toBe(3);
    expect(zh.body).toMatch(
      /申请内部复核。链接仅可使用一次，2026年1月20日前有效：\n\{\{answer-link:x\}\}$/,
    );
    const en = templates.decisionLetter('en', 'CMP-1', parts, `${remedies} ${line}`, link);
    expect(en.body).toMatch(/It works once, until 20 January 2026:\n\{\{answer-link:x\}\}$/);
  });

  it('refuses to start with a template that lacks a placeholder in one language or a remedy', () => {
    const noDueDate = {
      ...acknowledgement,
      languages: { ...acknowledgement.languages, en: { subject: '{reference}', body: 'Thanks.' } },
    };
    expect(refusal(() => new MessageTemplates(settings, noDueDate))).toEqual(['en:{dueDate}']);
    const noMediation = {
      ...decisionLetter,
      requiredParts: {
        ...decisionLetter.requiredParts,
        zh: { ...decisionLetter.requiredParts.zh, mediation: '' },
      },
    };
    expect(refusal(() => new MessageTemplates(settings, undefined, noMediation))).toEqual([
      'zh:mediation',
    ]);
  });
});
