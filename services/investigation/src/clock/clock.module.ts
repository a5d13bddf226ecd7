import { Module } from '@nestjs/common';
import { ClockActionsController } from './clock-actions.controller';
import { ClockActionsService } from './clock-actions.service';

@Module({
  controllers: [ClockActionsController],
  providers: [ClockActionsService],
  exports: [ClockActionsService],
})
export class ClockModule {}
