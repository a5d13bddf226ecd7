import { Module } from '@nestjs/common';
import { CaseMajorIncidentController } from './case-major-incident.controller';
import { MajorDetector } from './major-detector';
import { MajorIncidentsController } from './major-incidents.controller';
import { MajorIncidentsService } from './major-incidents.service';

@Module({
  controllers: [MajorIncidentsController, CaseMajorIncidentController],
  providers: [MajorDetector, MajorIncidentsService],
  exports: [MajorDetector],
})
export class MajorModule {}
