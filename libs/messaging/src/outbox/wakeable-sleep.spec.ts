import { WakeableSleep } from './wakeable-sleep';

const elapsed = async (work: () => Promise<void>): Promise<number> => {
  const started = Date.now();
  await work();
  return Date.now() - started;
};

describe('the relay`s pauses', () => {
  it('a wake-up ends a wakeable pause and is taken once', async () => {
    const pause = new WakeableSleep();
    setTimeout(() => pause.wake(), 10);
    expect(await elapsed(() => pause.sleep(5_000, { wakeable: true }))).toBeLessThan(1_000);
    expect(pause.takeWake()).toBe(true);
    expect(pause.takeWake()).toBe(false);
  });

  it('a pause that is not wakeable runs its length however many wake-ups come, and keeps them for later', async () => {
    const pause = new WakeableSleep();
    const timer = setInterval(() => pause.wake(), 1);
    const ms = await elapsed(() => pause.sleep(150, { wakeable: false }));
    clearInterval(timer);
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(pause.takeWake()).toBe(true);
  });

  it('a wake-up that came before a wakeable pause ends it at once', async () => {
    const pause = new WakeableSleep();
    pause.wake();
    expect(await elapsed(() => pause.sleep(5_000, { wakeable: true }))).toBeLessThan(100);
  });

  it('interrupt ends any pause (shutdown)', async () => {
    const pause = new WakeableSleep();
    setTimeout(() => pause.interrupt(), 10);
    expect(await elapsed(() => pause.sleep(5_000, { wakeable: false }))).toBeLessThan(1_000);
  });
});
