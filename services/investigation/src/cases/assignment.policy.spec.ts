import { chooseHandler, HandlerLoad } from './assignment.policy';

function aHandler(
  id: string,
  openCases: number,
  overrides: Partial<HandlerLoad> = {},
): HandlerLoad {
  return { id, active: true, openCases, maxOpenCases: 10, ...overrides };
}

describe('choosing a handler', () => {
  it('takes the handler with the fewest open cases', () => {
    const choice = chooseHandler([
      aHandler('h-claims-01', 3),
      aHandler('h-claims-02', 1),
      aHandler('h-claims-03', 2),
    ]);
    expect(choice?.id).toBe('h-claims-02');
  });

  it('breaks ties by id, whatever the input order', () => {
    const choice = chooseHandler([
      aHandler('h-claims-03', 1),
      aHandler('h-claims-01', 1),
      aHandler('h-claims-02', 1),
    ]);
    expect(choice?.id).toBe('h-claims-01');
  });

  it('skips inactive handlers, even idle ones', () => {
    const choice = chooseHandler([
      aHandler('h-claims-01', 0, { active: false }),
      aHandler('h-claims-02', 4),
    ]);
    expect(choice?.id).toBe('h-claims-02');
  });

  it('prefers a handler below their limit over a less loaded one at it', () => {
    const choice = chooseHandler([
      aHandler('h-claims-01', 2, { maxOpenCases: 2 }),
      aHandler('h-claims-02', 5, { maxOpenCases: 20 }),
    ]);
    expect(choice?.id).toBe('h-claims-02');
  });

  it('still assigns the least loaded when everyone is at their limit', () => {
    const choice = chooseHandler([
      aHandler('h-claims-01', 4, { maxOpenCases: 3 }),
      aHandler('h-claims-02', 3, { maxOpenCases: 3 }),
    ]);
    expect(choice?.id).toBe('h-claims-02');
  });

  it('keeps the preferred handler while active, however loaded', () => {
    const choice = chooseHandler(
      [aHandler('h-claims-01', 0), aHandler('h-claims-02', 12)],
      'h-claims-02',
    );
    expect(choice?.id).toBe('h-claims-02');
  });

  it('falls back to the least loaded when the preferred handler is inactive or unknown', () => {
    const handlers = [
      aHandler('h-claims-01', 2),
      aHandler('h-claims-02', 0, { active: false }),
      aHandler('h-claims-03', 1),
    ];
    expect(chooseHandler(handlers, 'h-claims-02')?.id).toBe('h-claims-03');
    expect(chooseHandler(handlers, 'h-gone-99')?.id).toBe('h-claims-03');
  });

  it('finds no one when no handler is active', () => {
    expect(chooseHandler([aHandler('h-claims-01', 0, { active: false })])).toBeUndefined();
    expect(chooseHandler([])).toBeUndefined();
  });
});
