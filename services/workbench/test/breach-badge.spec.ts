import type { CaseBreach } from '../app/api/types';
import { breachDetails } from '../app/common/breach-words';
import { en } from '../app/i18n/en';
import { zh } from '../app/i18n/zh';
import { translator } from './translator';

const breach = (overrides: Partial<CaseBreach> = {}): CaseBreach => ({
  clockId: 'decision:1:0',
  clock: 'decision',
  dueAt: '2026-03-17T16:00:00.000Z',
  breachedAt: '2026-03-17T16:00:05.000Z',
  department: 'claims',
  ...overrides,
});

describe('the breach badge', () => {
  it('names each breached clock and its deadline, in Chinese and in English', async () => {
    const breaches = [
      breach(),
      breach({ clockId: 'acknowledgement:1:0', clock: 'acknowledgement' }),
    ];
    const zhText = breachDetails(await translator('zh'), breaches, 'zh');
    const enText = breachDetails(await translator('en'), breaches, 'en');
    expect(zhText).toContain('处理决定时限');
    expect(zhText).toContain('受理告知时限');
    expect(enText).toMatch(/^Decision due .+ passed unmet; Acknowledgement due .+ passed unmet$/);
    // No key is left untranslated.
    expect(enText).not.toContain('breach.');
    expect(zhText).not.toContain('breach.');
  });

  it('has the same keys in both languages', () => {
    const keys = (o: object, at = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' ? keys(v as object, `${at}${k}.`) : [`${at}${k}`],
      );
    expect(keys(zh.breach)).toEqual(keys(en.breach));
  });
});
