import { parseOptions } from './bench-options';

describe('benchmark options', () => {
  it('runs every phase in full mode by default', () => {
    const o = parseOptions([]);
    expect(o.mode).toBe('full');
    expect(o.phases).toEqual([
      'postgres',
      'kafka',
      'consumers',
      'intake',
      'pipeline',
      'classifier',
      'analytics',
    ]);
    expect(o.analytics.complaints).toBe(1_000_000);
  });

  it('leaves the analytics phase out of a quick run unless asked for', () => {
    expect(parseOptions(['--quick']).phases).not.toContain('analytics');
    const o = parseOptions(['--quick', '--only=analytics', '--analytics-complaints=5000']);
    expect(o.phases).toEqual(['analytics']);
    expect(o.analytics.complaints).toBe(5000);
    expect(() => parseOptions(['--analytics-complaints=many'])).toThrow('--analytics-complaints');
  });

  it('takes --quick, --only and a label', () => {
    const o = parseOptions(['--quick', '--only=intake,pipeline', '--label=before']);
    expect(o).toMatchObject({ mode: 'quick', phases: ['intake', 'pipeline'], label: 'before' });
  });

  it('refuses what it does not know rather than measuring something else', () => {
    expect(() => parseOptions(['--fast'])).toThrow('unknown option --fast');
    expect(() => parseOptions(['--only=disk'])).toThrow('unknown phase disk');
    expect(() => parseOptions(['quick'])).toThrow('unknown argument');
  });
});
