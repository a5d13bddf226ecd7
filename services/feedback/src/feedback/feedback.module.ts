import { Module } from '@nestjs/common';
import { FeedbackController } from './feedback.controller';
import { FeedbackSubmittedConsumer } from './feedback-submitted.consumer';
import { FeedbackService } from './feedback.service';
import { SurveyWindowScheduler } from './survey-window.scheduler';
import { ReviewRequests } from '../reviews/review-requests.service';
import { OfficerReopenController } from '../reviews/officer-reopen.controller';

@Module({
  controllers: [FeedbackController, OfficerReopenController],
  providers: [FeedbackService, FeedbackSubmittedConsumer, SurveyWindowScheduler, ReviewRequests],
})
export class FeedbackModule {}
