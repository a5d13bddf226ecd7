import { Module } from '@nestjs/common';
import { ClockModule } from '../clock/clock.module';
import { MajorModule } from '../major/major.module';
import { MatterConsumer } from './matter.consumer';
import { RepeatDetector } from './repeat-detector';
import { RepeatsController } from './repeats.controller';
import { RepeatsService } from './repeats.service';

@Module({
  imports: [ClockModule, MajorModule],
  controllers: [RepeatsController],
  providers: [RepeatDetector, RepeatsService, MatterConsumer],
})
export class RepeatsModule {}
