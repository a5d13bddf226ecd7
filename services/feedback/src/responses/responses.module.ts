import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { MessagesModule } from '../messages/messages.module';
import { InvestigatedConsumer } from './investigated.consumer';
import { ResponsesController } from './responses.controller';
import { ResponsesService } from './responses.service';

@Module({
  imports: [MessagesModule, AnswersModule],
  controllers: [ResponsesController],
  providers: [ResponsesService, InvestigatedConsumer],
})
export class ResponsesModule {}
