import { Module } from '@nestjs/common';
import { FeedbackConfig } from '../config/feedback.config';
import { AnswerLinkSigner } from './answer-link-signer';
import { AnswerLinks } from './answer-links.service';
import { AnswersController } from './answers.controller';

/** The customer's signed one-time answer link and the public page it opens. */
@Module({
  controllers: [AnswersController],
  providers: [
    {
      provide: AnswerLinkSigner,
      inject: [FeedbackConfig],
      useFactory: (config: FeedbackConfig) =>
        new AnswerLinkSigner(config.ANSWER_LINK_SECRET, config.ANSWER_LINK_BASE_URL),
    },
    AnswerLinks,
  ],
  exports: [AnswerLinkSigner, AnswerLinks],
})
export class AnswersModule {}
