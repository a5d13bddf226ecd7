import { DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformModule } from '@complaints/platform';
import { FeedbackConfig } from './config/feedback.config';
import { FeedbackModule } from './feedback/feedback.module';
import { Survey } from './feedback/survey.entity';
import { CreateResponsesAndSurveys1764231000000 } from './migrations/1764231000000-create-responses-and-surveys';
import { Response } from './responses/response.entity';
import { ResponsesModule } from './responses/responses.module';

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
          entities: [Response, Survey],
          migrations: [CreateResponsesAndSurveys1764231000000],
          clock,
          extraProviders: [{ provide: FeedbackConfig, useValue: config }],
        }),
        ResponsesModule,
        FeedbackModule,
      ],
    };
  }
}
