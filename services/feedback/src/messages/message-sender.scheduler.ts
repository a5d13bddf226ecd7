import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@complaints/platform';
import { FeedbackConfig } from '../config/feedback.config';
import { MessageSender } from './message-sender.service';

/** Messages sent per sweep; a longer queue takes several ticks. */
const SEND_BATCH = 50;

/** Sends due messages every SEND_SWEEP_INTERVAL_MS; one sweep at a time per instance. */
@Injectable()
export class MessageSenderScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sending?: Promise<void>;

  constructor(
    private readonly sender: MessageSender,
    private readonly config: FeedbackConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.SEND_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sending;
  }

  /** Sends batch after batch until nothing is due (or the service stops). */
  private async sendAll(): Promise<void> {
    while ((await this.sender.sendDue(SEND_BATCH)) === SEND_BATCH && this.timer);
  }

  private tick(): void {
    if (this.sending) return;
    this.sending = this.sendAll()
      .catch((err: unknown) => {
        // That message's transaction rolled back; it is tried again at the next tick.
        this.logger.error({ err }, 'sending messages failed; retrying at the next tick');
      })
      .finally(() => {
        this.sending = undefined;
      });
  }
}
