import { Module } from '@nestjs/common';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';
import { SurveyWindowScheduler } from './survey-window.scheduler';

@Module({
  controllers: [FeedbackController],
  providers: [FeedbackService, SurveyWindowScheduler],
})
export class FeedbackModule {}
