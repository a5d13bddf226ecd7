import { Module } from '@nestjs/common';
import { ClockActionsController } from './clock-actions.controller';
import { ClockActionsService } from './clock-actions.service';

@Module({
  controllers: [ClockActionsController],
  providers: [ClockActionsService],
})
export class ClockModule {}
