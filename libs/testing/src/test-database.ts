import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { uniqueName } from './unique-name';

export interface TestSchema {
  schema: string;
  /** A DataSource bound to the schema, migrations run. */
  dataSource: DataSource;
  /** Closes the DataSource and drops the schema with everything in it. */
  drop(): Promise<void>;
}

export interface TestSchemaOptions {
  /** A database the tests may create schemas in. */
  databaseUrl: string;
  label: string;
  /** The DataSource settings for a schema (a service's own, with its migrations). */
  dataSourceOptions: (schema: string) => DataSourceOptions;
}

/** A fresh schema of its own for one test file, so test files can run in parallel. */
export async function createTestSchema(options: TestSchemaOptions): Promise<TestSchema> {
  const schema = uniqueName(options.label);
  await adminQuery(options.databaseUrl, `CREATE SCHEMA "${schema}"`);
  const dataSource = new DataSource(options.dataSourceOptions(schema));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    schema,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropTestSchema(options.databaseUrl, schema);
    },
  };
}

export async function dropTestSchema(databaseUrl: string, schema: string): Promise<void> {
  await adminQuery(databaseUrl, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
