import type { TFunction } from 'i18next';
import { ApiError } from '../app/api/api-error';
import type { CaseItem } from '../app/api/types';
import { problemWords } from '../app/common/problem-words';
import { sortQueue } from '../app/common/queue-order';
import { timeLeftText, urgency } from '../app/common/time-left';
import { translator } from './translator';

let zhT: TFunction;
let enT: TFunction;

beforeAll(async () => {
  zhT = await translator('zh');
  enT = await translator('en');
});

const NOW = Date.parse('2026-12-01T08:00:00Z');
const at = (hoursFromNow: number): string => new Date(NOW + hoursFromNow * 3_600_000).toISOString();

describe('time left', () => {
  it('is told in days and hours, under a day in hours and minutes, and overdue as such', () => {
    expect(timeLeftText(zhT, at(14 * 24 + 23.5), NOW)).toBe('剩余 14 天 23 小时');
    expect(timeLeftText(zhT, at(5.25), NOW)).toBe('剩余 5 小时 15 分');
    expect(timeLeftText(zhT, at(-26), NOW)).toBe('已超期 1 天 2 小时');
    expect(timeLeftText(enT, at(-0.5), NOW)).toBe('Overdue by 0 h 30 min');
    expect([at(-1), at(2), at(48), at(100)].map((d) => urgency(d, NOW))).toEqual([
      'overdue',
      'day',
      'soon',
      'ok',
    ]);
  });
});

describe('the queue order', () => {
  it('puts the green channel first, then the least time left', () => {
    const c = (id: string, greenChannel: boolean, hours: number): CaseItem =>
      ({ complaintId: id, greenChannel, decisionDueAt: at(hours) }) as CaseItem;
    const sorted = sortQueue([
      c('a', false, 5),
      c('b', true, 90),
      c('c', false, 1),
      c('d', true, 3),
    ]);
    expect(sorted.map((x) => x.complaintId)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('problems in words', () => {
  it("says another department's case is not found, as a missing one", () => {
    const words = problemWords(zhT, new ApiError('investigation', 404, 'CASE.NOT_FOUND', 'x'));
    expect(words.text).toBe('未找到该案件。它可能不存在，或不属于您的部门。');
  });

  it('names the service that does not answer', () => {
    const down = new ApiError(
      'feedback',
      503,
      'SERVICE.UNAVAILABLE',
      'The feedback service did not answer',
    );
    expect(problemWords(zhT, down).text).toContain('回复服务暂时不可用');
    expect(problemWords(enT, down).text).toContain('The response service is not answering');
    expect(
      problemWords(zhT, new ApiError('intake', 0, 'NETWORK.FAILED', undefined)).text,
    ).toContain('网络连接中断');
  });

  it('lists invalid fields by their names', () => {
    const invalid = new ApiError('investigation', 400, 'REQUEST.INVALID', 'invalid', [
      { field: 'rootCause', reason: 'rootCause should not be empty' },
    ]);
    expect(problemWords(zhT, invalid)).toEqual({
      text: '提交的内容有误：',
      fields: ['依据与理由: rootCause should not be empty'],
    });
  });

  it('falls back on the status for codes it does not know', () => {
    expect(problemWords(enT, new ApiError('archiving', 403, 'SOMETHING.NEW', undefined)).text).toBe(
      'Your role may not do this.',
    );
    expect(problemWords(enT, new ApiError('archiving', 500, undefined, undefined)).text).toContain(
      '(500)',
    );
  });
});
