import { Module } from '@nestjs/common';
import { FeedbackController } from './feedback.controller';
import { FeedbackSubmittedConsumer } from './feedback-submitted.consumer';
import { FeedbackService } from './feedback.service';
import { SurveyWindowScheduler } from './survey-window.scheduler';

@Module({
  controllers: [FeedbackController],
  providers: [FeedbackService, FeedbackSubmittedConsumer, SurveyWindowScheduler],
})
export class FeedbackModule {}
