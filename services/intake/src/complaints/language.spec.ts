import { detectLanguage } from './language';

describe('language detection', () => {
  it('detects Chinese from Han characters anywhere in the text', () => {
    expect(detectLanguage('Claim delayed', '理赔拖延了三个月')).toBe('zh');
  });

  it('takes text without Han characters as English', () => {
    expect(detectLanguage('My claim has been pending for three months', undefined)).toBe('en');
  });
});
