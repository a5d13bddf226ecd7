/**
 * The relay's pauses. A wake-up (a commit in this process) ends a wakeable pause early and is
 * remembered until taken, so one that comes while the relay is busy is not lost. A pause that
 * is not wakeable (a standby's wait, a failure's backoff) runs its full length whatever the
 * wake-ups, and leaves them for later. interrupt() ends any pause at once (shutdown).
 */
export class WakeableSleep {
  private woken = false;
  private interrupted = false;
  private cancel?: () => void;
  private wakeable = false;

  reset(): void {
    this.interrupted = false;
  }

  wake(): void {
    this.woken = true;
    if (this.wakeable) this.cancel?.();
  }

  interrupt(): void {
    this.interrupted = true;
    this.cancel?.();
  }

  /** Whether a wake-up came since the last call; clears it. */
  takeWake(): boolean {
    const woken = this.woken;
    this.woken = false;
    return woken;
  }

  sleep(ms: number, { wakeable }: { wakeable: boolean }): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.cancel = undefined;
        this.wakeable = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.cancel = done;
      this.wakeable = wakeable;
      if (this.interrupted || (wakeable && this.woken)) done();
    });
  }
}
