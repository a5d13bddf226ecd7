import { OffsetHistory } from './offset-history';

describe('OffsetHistory (when a partition end offset was first seen past an offset)', () => {
  it('dates a message by the first observation whose end offset passed it', () => {
    const h = new OffsetHistory();
    h.observe('t:0', 0, 1_000);
    h.observe('t:0', 3, 2_000);
    h.observe('t:0', 3, 3_000); // unchanged: the first sighting stays
    h.observe('t:0', 7, 4_000);
    expect(h.producedBy('t:0', 0)).toBe(2_000);
    expect(h.producedBy('t:0', 2)).toBe(2_000);
    expect(h.producedBy('t:0', 3)).toBe(4_000);
    expect(h.producedBy('t:0', 6)).toBe(4_000);
  });

  it('a message older than the first observation is dated by it (a lower bound on its age)', () => {
    const h = new OffsetHistory();
    h.observe('t:1', 10, 5_000);
    expect(h.producedBy('t:1', 4)).toBe(5_000);
  });

  it('knows nothing of an offset not yet seen, or of another partition', () => {
    const h = new OffsetHistory();
    h.observe('t:0', 5, 1_000);
    expect(h.producedBy('t:0', 5)).toBeUndefined();
    expect(h.producedBy('t:9', 0)).toBeUndefined();
  });
});
