import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ServiceConfig, WithAuthConfig } from '@complaints/platform';

export class FeedbackConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3004;

  /** hours from sending the response until an unanswered survey closes the complaint as no_feedback */
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  SURVEY_WINDOW_HOURS: number = 72;

  /** Reopenings a complaint may have; dissatisfaction beyond them closes it as escalated. >= 0 */
  @IsInt()
  @Min(0)
  @Max(10)
  MAX_REOPENS: number = 1;

  /**
   * days after the decision letter within which the customer may ask for internal review (China,
   * 2020 rules: 30); a dissatisfied answer without one waits this long for the officer's choice
   */
  @IsInt()
  @Min(1)
  @Max(365)
  REVIEW_REQUEST_DAYS: number = 30;

  /** Lowest rating (1-5) that, with `solved`, counts as satisfied. */
  @IsInt()
  @Min(1)
  @Max(5)
  SATISFIED_MIN_RATING: number = 3;

  /** ms between sweeps for surveys whose window has ended */
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  CLOSE_SWEEP_INTERVAL_MS: number = 1000;

  /** bytes; larger request bodies are refused with 413 (a survey is small) */
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024)
  MAX_BODY_BYTES: number = 16 * 1024;

  /** smtp://[user:pass@]host:port (?tls=off: no STARTTLS) or smtps://; the local mail sink by default. */
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string = 'smtp://127.0.0.1:2525?tls=off';

  /** The From of every e-mail to customers. */
  @IsString()
  @MaxLength(254)
  MAIL_FROM: string = 'Customer Service <service@insurer.example>';

  /** The SMS gateway's send endpoint; the local stand-in by default. */
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'SMS_GATEWAY_URL must be an http(s) URL' })
  SMS_GATEWAY_URL: string = 'http://127.0.0.1:2526/sms/v1/messages';

  /** The gateway's API key (Bearer). */
  @IsString()
  SMS_GATEWAY_KEY: string = 'local-sms-key';

  @IsString()
  @MaxLength(32)
  SMS_SENDER: string = 'INSURER';

  /** Where the gateway posts delivery receipts: this service's POST /v1/deliveries/sms. Absent: no receipts. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s]+$/, { message: 'SMS_CALLBACK_URL must be an http(s) URL' })
  SMS_CALLBACK_URL?: string;

  /** The token the gateway sends with each receipt (x-callback-token); receipts without it are refused. */
  @IsString()
  @Matches(/^.{16,}$/, { message: 'SMS_CALLBACK_TOKEN must be at least 16 characters' })
  SMS_CALLBACK_TOKEN: string = 'local-sms-callback-token';

  /** ms a provider may take to accept a message */
  @IsInt()
  @Min(100)
  @Max(120_000)
  SEND_TIMEOUT_MS: number = 10_000;

  /** ms between sweeps for messages due to be sent */
  @IsInt()
  @Min(50)
  @Max(600_000)
  SEND_SWEEP_INTERVAL_MS: number = 1000;

  /** ms before the first retry after a transient failure; doubles per attempt */
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  SEND_RETRY_BASE_MS: number = 30_000;

  /** Attempts on one channel before it counts as failed and the next is tried (>= 1). */
  @IsInt()
  @Min(1)
  @Max(20)
  SEND_MAX_ATTEMPTS: number = 5;

  /** Time zone of the dates customers read (due dates). */
  @IsString()
  MESSAGE_TIME_ZONE: string = 'Asia/Shanghai';

  /**
   * Where the insurer's policies are issued. CN: every decision letter names the regulator's
   * consumer complaint line (China-policy complaints); anything else leaves it out.
   */
  @IsIn(['CN', 'other'])
  POLICY_JURISDICTION: string = 'CN';

  /** The regulator's consumer complaint line (NFRA: 12378). */
  @IsString()
  @MaxLength(40)
  REGULATOR_COMPLAINT_LINE: string = '12378';

  /**
   * Key of the answer links' signatures (HMAC-SHA256), >= 32 characters. Changing it voids every
   * link not yet used.
   */
  @IsString()
  @Matches(/^.{32,}$/, { message: 'ANSWER_LINK_SECRET must be at least 32 characters' })
  ANSWER_LINK_SECRET: string = 'local-answer-link-secret-0123456789abcdef';

  /** Where customers open their answer link: this service's public address (the page is /answer). */
  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, {
    message: 'ANSWER_LINK_BASE_URL must be an http(s) URL without a trailing slash',
  })
  ANSWER_LINK_BASE_URL: string = 'http://127.0.0.1:3004';

  /** Hours an answer link stays valid after its letter is written (>= 1). */
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  ANSWER_LINK_TTL_HOURS: number = 72;

  /**
   * The font post letters are set in (must have Chinese glyphs): a path, `path#Face` for a face
   * of a collection (.ttc). Empty: Debian's fonts-noto-cjk or fonts-wqy-zenhei, whichever is here.
   */
  @IsString()
  LETTER_PDF_FONT: string = '';

  /** The local mail sink's HTTP listing (infra/smtp), shown as "sent mail"; empty: no sink. */
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s]+)?$/, { message: 'MAIL_SINK_URL must be an http(s) URL' })
  MAIL_SINK_URL: string = 'http://127.0.0.1:2526';
}
