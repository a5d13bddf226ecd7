import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { FeedbackConfig } from '../config/feedback.config';
import { CHANNEL_ADAPTERS, ChannelAdapter } from './channels/channel-adapter';
import { EmailAdapter } from './channels/email.adapter';
import { SmsGatewayAdapter } from './channels/sms-gateway.adapter';
import { ClockChangedConsumer } from './clock-changed.consumer';
import { MessageMetrics } from './message-metrics';
import { MessageProofs } from './message-proofs.service';
import { MessageQueue } from './message-queue.service';
import { MessageSender } from './message-sender.service';
import { MessageSenderScheduler } from './message-sender.scheduler';
import { MessagesController } from './messages.controller';
import { PhoneCalls } from './phone-calls.service';
import { ReceivedConsumer } from './received.consumer';
import { RoutedConsumer } from './routed.consumer';
import { SmsCallbackGuard } from './sms-callback.guard';
import { MessageTemplates } from './templates/message-templates';

/** Messages to customers on their channels, and the proof that they were told. */
@Module({
  imports: [AnswersModule],
  controllers: [MessagesController],
  providers: [
    {
      provide: MessageTemplates,
      inject: [FeedbackConfig],
      useFactory: (config: FeedbackConfig) =>
        new MessageTemplates({
          timeZone: config.MESSAGE_TIME_ZONE,
          ...(config.POLICY_JURISDICTION === 'CN'
            ? { regulatorLine: config.REGULATOR_COMPLAINT_LINE }
            : {}),
        }),
    },
    {
      provide: CHANNEL_ADAPTERS,
      inject: [FeedbackConfig],
      useFactory: (config: FeedbackConfig): ChannelAdapter[] => [
        new EmailAdapter(config.SMTP_URL, config.MAIL_FROM, config.SEND_TIMEOUT_MS),
        new SmsGatewayAdapter({
          url: config.SMS_GATEWAY_URL,
          apiKey: config.SMS_GATEWAY_KEY,
          sender: config.SMS_SENDER,
          ...(config.SMS_CALLBACK_URL
            ? { callbackUrl: config.SMS_CALLBACK_URL, callbackToken: config.SMS_CALLBACK_TOKEN }
            : {}),
          timeoutMs: config.SEND_TIMEOUT_MS,
        }),
      ],
    },
    MessageQueue,
    MessageSender,
    MessageSenderScheduler,
    MessageProofs,
    MessageMetrics,
    PhoneCalls,
    SmsCallbackGuard,
    ReceivedConsumer,
    RoutedConsumer,
    ClockChangedConsumer,
  ],
  exports: [MessageQueue, MessageTemplates],
})
export class MessagesModule {}
