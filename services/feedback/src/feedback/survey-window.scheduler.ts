import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { FeedbackConfig } from '../config/feedback.config';
import { FeedbackService } from './feedback.service';

/** Responses closed per transaction; a longer backlog takes several in a row. */
const SWEEP_BATCH = 100;

/**
 * Closes complaints whose survey window ended unanswered. Every instance sweeps; SKIP LOCKED
 * hands each due response to exactly one of them. Time is the injectable clock's, so tests
 * can end a window at once.
 */
@Injectable()
export class SurveyWindowScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly feedback: FeedbackService,
    private readonly clock: Clock,
    private readonly config: FeedbackConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.CLOSE_SWEEP_INTERVAL_MS);
    // Shutdown clears it; it must never be what keeps a process alive.
    this.timer.unref();
  }

  /** Stops the timer and lets a sweep in progress commit before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** Closes everything due by now; returns how many complaints it closed. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const closed = await this.feedback.closeUnanswered(this.clock.now(), SWEEP_BATCH);
      total += closed;
      if (closed < SWEEP_BATCH || !this.timer) return total;
    }
  }

  private tick(): void {
    // One sweep at a time per instance; a slow one makes the next tick skip, not pile up.
    if (this.sweeping) return;
    this.sweeping = this.sweep()
      .then(() => undefined)
      .catch((err: unknown) => {
        // The transaction rolled back and nothing was closed; the next tick tries again.
        this.logger.error({ err }, 'survey window sweep failed; retrying at the next tick');
      })
      .finally(() => {
        this.sweeping = undefined;
      });
  }
}
