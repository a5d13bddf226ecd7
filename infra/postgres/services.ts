/**
 * Who owns what in the one `complaints` database: one schema and one login role per service,
 * with rights on its own schema only (DESIGN.md, "Storage"). infra/postgres/setup.ts creates
 * exactly this; services, tests and docker-compose read it from here instead of repeating it.
 */
export const COMPLAINTS_DATABASE = 'complaints';

export interface ServiceDatabase {
  /** service name, as in services/<service> and the SERVICE variable of the image */
  service: string;
  /** Postgres schema the service owns (its migrations create their tables here) */
  schema: string;
  /** Postgres login role the service connects as; it owns `schema` and nothing else */
  role: string;
  /** environment variable holding the role's password (defaults to the role name) */
  passwordEnv: string;
  /** HTTP port of the service (DESIGN.md) */
  port: number;
}

export const SERVICE_DATABASES = [
  {
    service: 'intake',
    schema: 'intake',
    role: 'complaints_intake',
    passwordEnv: 'COMPLAINTS_INTAKE_PASSWORD',
    port: 3001,
  },
  {
    service: 'classification',
    schema: 'classification',
    role: 'complaints_classification',
    passwordEnv: 'COMPLAINTS_CLASSIFICATION_PASSWORD',
    port: 3002,
  },
  {
    service: 'investigation',
    schema: 'investigation',
    role: 'complaints_investigation',
    passwordEnv: 'COMPLAINTS_INVESTIGATION_PASSWORD',
    port: 3003,
  },
  {
    service: 'feedback',
    schema: 'feedback',
    role: 'complaints_feedback',
    passwordEnv: 'COMPLAINTS_FEEDBACK_PASSWORD',
    port: 3004,
  },
  {
    service: 'archiving',
    schema: 'archive',
    role: 'complaints_archiving',
    passwordEnv: 'COMPLAINTS_ARCHIVING_PASSWORD',
    port: 3005,
  },
  {
    service: 'deadlines',
    schema: 'deadlines',
    role: 'complaints_deadlines',
    passwordEnv: 'COMPLAINTS_DEADLINES_PASSWORD',
    port: 3006,
  },
  {
    service: 'analytics',
    schema: 'analytics',
    role: 'complaints_analytics',
    passwordEnv: 'COMPLAINTS_ANALYTICS_PASSWORD',
    port: 3007,
  },
] as const satisfies readonly ServiceDatabase[];

export type ServiceName = (typeof SERVICE_DATABASES)[number]['service'];

export function serviceDatabase(service: ServiceName | string): ServiceDatabase {
  const found = SERVICE_DATABASES.find((s) => s.service === service);
  if (!found) {
    throw new Error(
      `unknown service "${service}"; known: ${SERVICE_DATABASES.map((s) => s.service).join(', ')}`,
    );
  }
  return found;
}

/** The role's password: its env variable when set, else the role name (trust auth ignores it). */
export function servicePassword(
  entry: ServiceDatabase,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return env[entry.passwordEnv] || entry.role;
}
