import { Module } from '@nestjs/common';
import { InvestigatedConsumer } from './investigated.consumer';
import { ResponsesController } from './responses.controller';
import { ResponsesService } from './responses.service';

@Module({
  controllers: [ResponsesController],
  providers: [ResponsesService, InvestigatedConsumer],
})
export class ResponsesModule {}
