import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, Clock, PlatformModule } from '@complaints/platform';
import { CaseDecision } from './cases/case-decision.entity';
import { CaseNote } from './cases/case-note.entity';
import { ClockRequest } from './clock/clock-request.entity';
import { ClockModule } from './clock/clock.module';
import { CasesModule } from './cases/cases.module';
import { ComplaintCase } from './cases/complaint-case.entity';
import { Handler } from './cases/handler.entity';
import { InvestigationConfig } from './config/investigation.config';
import { CreateCases1764316800000 } from './migrations/1764316800000-create-cases';
import { SeedHandlers1764316800001 } from './migrations/1764316800001-seed-handlers';
import { NoteAuthorAnyPerson1767225600000 } from './migrations/1767225600000-note-author-any-person';
import { CreateClockRequests1796200000100 } from './migrations/1796200000100-create-clock-requests';
import { AddRecusalAndReview1796300000100 } from './migrations/1796300000100-add-recusal-and-review';
import { CaseRecusal } from './recusal/case-recusal.entity';
import { RecusalModule } from './recusal/recusal.module';
import { StaffIdentity } from './recusal/staff-identity.entity';
import { CreateCaseDeadlines1796200000200 } from './migrations/1796200000200-create-case-deadlines';
import { CaseBreach } from './deadline/case-breach.entity';
import { ComplaintDeadline } from './deadline/complaint-deadline.entity';
import { DeadlineModule } from './deadline/deadline.module';
import { WorkloadModule } from './workload/workload.module';
import { CreateRepeatsAndMajor1796200000700 } from './migrations/1796200000700-create-repeats-and-major';
import { MajorModule } from './major/major.module';
import { REPEATS_AND_MAJOR_ENTITIES } from './major/repeats-and-major.entities';
import { RepeatsModule } from './repeats/repeats.module';

@Module({})
export class AppModule {
  static with(config: InvestigationConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'investigation',
          schema: 'investigation',
          config,
          entities: [
            Handler,
            ComplaintCase,
            CaseNote,
            CaseDecision,
            ClockRequest,
            StaffIdentity,
            CaseRecusal,
            ComplaintDeadline,
            CaseBreach,
            ...REPEATS_AND_MAJOR_ENTITIES,
          ],
          migrations: [
            CreateCases1764316800000,
            SeedHandlers1764316800001,
            NoteAuthorAnyPerson1767225600000,
            CreateClockRequests1796200000100,
            AddRecusalAndReview1796300000100,
            CreateCaseDeadlines1796200000200,
            CreateRepeatsAndMajor1796200000700,
          ],
          clock,
          extraProviders: [{ provide: InvestigationConfig, useValue: config }],
        }),
        AuthModule.forRoot(config),
        CasesModule,
        WorkloadModule,
        ClockModule,
        RecusalModule,
        DeadlineModule,
        MajorModule,
        RepeatsModule,
      ],
    };
  }
}
