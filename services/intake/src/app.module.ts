import { DynamicModule, Module } from '@nestjs/common';
import { Clock, PlatformModule } from '@complaints/platform';
import { ComplaintsModule } from './complaints/complaints.module';
import { Complaint } from './complaints/complaint.entity';
import { IntakeConfig } from './config/intake.config';
import { CreateComplaints1764230500000 } from './migrations/1764230500000-create-complaints';

@Module({})
export class AppModule {
  static with(config: IntakeConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'intake',
          schema: 'intake',
          config,
          entities: [Complaint],
          migrations: [CreateComplaints1764230500000],
          clock,
          extraProviders: [{ provide: IntakeConfig, useValue: config }],
        }),
        ComplaintsModule,
      ],
    };
  }
}
