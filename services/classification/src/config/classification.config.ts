import { ServiceConfig } from '@complaints/platform';

/**
 * Classification needs nothing beyond the common settings: its rules, routes and SLA policy
 * are data in its schema, not configuration.
 */
export class ClassificationConfig extends ServiceConfig {
  override PORT: number = 3002;
}
