import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, Clock, PlatformModule } from '@complaints/platform';
import { AnalyticsModule } from './analytics.module';
import { AnalyticsConfig } from './config/analytics.config';
import { ANALYTICS_MIGRATIONS } from './migrations';

@Module({})
export class AppModule {
  static with(config: AnalyticsConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'analytics',
          schema: 'analytics',
          config,
          entities: [],
          migrations: ANALYTICS_MIGRATIONS,
          clock,
          extraProviders: [{ provide: AnalyticsConfig, useValue: config }],
        }),
        AuthModule.forRoot(config),
        AnalyticsModule,
      ],
    };
  }
}
