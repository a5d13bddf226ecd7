import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { FeedbackController } from './feedback.controller';
import { FeedbackRelayService } from './feedback-relay.service';

/** Calling systems relay the customer's survey answer (API key with feedback:write). */
@Module({
  imports: [ApiKeysModule],
  controllers: [FeedbackController],
  providers: [FeedbackRelayService],
})
export class FeedbackModule {}
