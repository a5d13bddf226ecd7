import { ServiceConfig, WithAuthConfig } from '@complaints/platform';

/**
 * Classification needs nothing beyond the common settings and people's sign-in: its rules,
 * routes and SLA policy are data in its schema, not configuration.
 */
export class ClassificationConfig extends WithAuthConfig(ServiceConfig) {
  override PORT: number = 3002;
}
