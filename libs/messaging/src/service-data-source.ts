import { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

export interface ServiceDataSourceParams {
  url: string;
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize: number;
}

/** The DataSource settings every service uses: its own schema, search_path and migrations table. */
export function serviceDataSourceOptions(p: ServiceDataSourceParams): DataSourceOptions {
  return {
    type: 'postgres',
    url: p.url,
    schema: p.schema,
    entities: p.entities,
    migrations: p.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    poolSize: p.poolSize,
    extra: { options: `-c search_path="${p.schema}"`, max: p.poolSize },
  };
}
