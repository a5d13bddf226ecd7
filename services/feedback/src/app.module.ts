import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, Clock, PlatformModule } from '@complaints/platform';
import { AnswerLink } from './answers/answer-link.entity';
import { FeedbackConfig } from './config/feedback.config';
import { ComplaintDepartment } from './departments/complaint-department.entity';
import { DepartmentsModule } from './departments/departments.module';
import { FeedbackModule } from './feedback/feedback.module';
import { Survey } from './feedback/survey.entity';
import { CreateResponsesAndSurveys1764231000000 } from './migrations/1764231000000-create-responses-and-surveys';
import { CreateComplaintDepartment1764900000100 } from './migrations/1764900000100-create-complaint-department';
import { CreateCustomerMessages1766000000000 } from './migrations/1766000000000-create-customer-messages';
import { AddInternalReviews1766300000000 } from './migrations/1766300000000-add-internal-reviews';
import { EveryChannelAndEarlyReceipts1766400000000 } from './migrations/1766400000000-every-channel-and-early-receipts';
import { ReviewRequestRecord } from './reviews/review-request.entity';
import { CreateAnswerLinksAndPostLetters1766100000000 } from './migrations/1766100000000-create-answer-links-and-post-letters';
import { LettersModule } from './letters/letters.module';
import { PostLetter } from './letters/post-letter.entity';
import { CustomerContact } from './messages/customer-contact.entity';
import { CustomerMessage } from './messages/customer-message.entity';
import { MessageProof } from './messages/message-proof.entity';
import { MessagesModule } from './messages/messages.module';
import { Response } from './responses/response.entity';
import { ResponsesModule } from './responses/responses.module';
import { SentMailModule } from './sent-mail/sent-mail.module';

@Module({})
export class AppModule {
  static with(config: FeedbackConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'feedback',
          schema: 'feedback',
          config,
          entities: [
            Response,
            Survey,
            ComplaintDepartment,
            CustomerContact,
            CustomerMessage,
            ReviewRequestRecord,
            MessageProof,
            AnswerLink,
            PostLetter,
          ],
          migrations: [
            CreateResponsesAndSurveys1764231000000,
            CreateComplaintDepartment1764900000100,
            CreateCustomerMessages1766000000000,
            AddInternalReviews1766300000000,
            CreateAnswerLinksAndPostLetters1766100000000,
            EveryChannelAndEarlyReceipts1766400000000,
          ],
          clock,
          extraProviders: [{ provide: FeedbackConfig, useValue: config }],
        }),
        AuthModule.forRoot(config),
        DepartmentsModule,
        MessagesModule,
        LettersModule,
        SentMailModule,
        ResponsesModule,
        FeedbackModule,
      ],
    };
  }
}
