import { MessageTemplates } from './message-templates';

describe('the merge notice of a repeat complaint', () => {
  const templates = new MessageTemplates({ timeZone: 'Asia/Shanghai' });

  it('names the repeat and the earlier complaint and the reason, in Chinese and English', () => {
    const zh = templates.mergeNotice('zh', 'CMP-2', '同一事项', 'CMP-1');
    expect(zh).toMatchObject({ templateId: 'clock-notice', templateVersion: 2 });
    expect(zh.subject).toContain('CMP-2');
    expect(zh.body).toContain('（投诉编号：CMP-1）');
    expect(zh.body).toContain('说明：同一事项');
    const en = templates.mergeNotice('en', 'CMP-2', 'Same matter', 'CMP-1');
    expect(en.body).toContain('your earlier complaint CMP-1');
    expect(en.body).toContain('Why: Same matter');
  });

  it('refuses a notice without the earlier reference', () => {
    expect(() => templates.mergeNotice('en', 'CMP-2', 'Same matter', ' ')).toThrow(
      /earlierReference/,
    );
  });
});
