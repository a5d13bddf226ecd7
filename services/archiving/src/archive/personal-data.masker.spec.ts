import { maskPersonalData, maskWithin, REDACTED } from './personal-data.masker';

describe('personal data masker', () => {
  it.each([
    ['a mainland mobile', '请拨打13800138000联系我', `请拨打${REDACTED}联系我`],
    ['a mobile written in groups', '我的手机是138 0013 8000，谢谢', `我的手机是${REDACTED}，谢谢`],
    [
      'an international number',
      'Call me on +86 138 0013 8000 after six',
      `Call me on ${REDACTED} after six`,
    ],
    ['a UK number', 'Ring +44 (0)20 7946 0958 please', `Ring ${REDACTED} please`],
    ['a landline with area code', '联系电话：021-61234567', `联系电话：${REDACTED}`],
    ['a North American number', 'my phone is (555) 123-4567.', `my phone is ${REDACTED}.`],
    [
      'an e-mail address',
      'Reply to li.wei+claims@example.com.cn only',
      `Reply to ${REDACTED} only`,
    ],
    [
      'an e-mail inside Chinese text',
      '请发邮件到wangfang@qq.com告知结果',
      `请发邮件到${REDACTED}告知结果`,
    ],
    ['an 18-digit ID number', '身份证号110101199003070011已提供', `身份证号${REDACTED}已提供`],
    ['an ID number ending in X', 'ID 11010119900307001X on file', `ID ${REDACTED} on file`],
    [
      'a policy number digit run',
      'Policy P-MOT-2024-778899 lapsed',
      `Policy P-MOT-2024-${REDACTED} lapsed`,
    ],
    [
      'a bank card in groups of four',
      '卡号 6222 0212 3456 7890 扣款失败',
      `卡号 ${REDACTED} 扣款失败`,
    ],
    ['full-width digits', '电话１３８００１３８０００', `电话${REDACTED}`],
  ])('redacts %s', (_what, text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  it('keeps dates, times, years and small amounts', () => {
    const text =
      'Accident on 2025-02-10 at 14:30; 3 calls in 2025, refund of 12000 yuan (理赔 15 天内)';
    expect(maskPersonalData(text)).toBe(text);
  });

  it('redacts values the caller knows to be personal, in any letter case', () => {
    expect(
      maskPersonalData('Complaint from LI WEI about agent Zhang San', ['Li Wei', 'Zhang San']),
    ).toBe(`Complaint from ${REDACTED} about agent ${REDACTED}`);
    expect(maskPersonalData('王芳投诉理赔拖延', ['王芳'])).toBe(`${REDACTED}投诉理赔拖延`);
  });

  it('ignores one-character known values, which would shred ordinary words', () => {
    expect(maskPersonalData('a claim', ['a'])).toBe('a claim');
  });

  it('keeps masked text within the field limit', () => {
    const masked = maskWithin('x'.repeat(195) + ' a@b.cn', 200);
    expect(masked.length).toBeLessThanOrEqual(200);
    expect(masked).not.toContain('a@b.cn');
  });
});
