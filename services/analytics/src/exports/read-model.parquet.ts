import { ParquetSchema, ParquetWriter } from '@dsnp/parquetjs';
import type { WriteStream } from 'fs';
import { Writable } from 'stream';

/** Parquet's media type (registered with IANA in 2024) */
export const PARQUET_TYPE = 'application/vnd.apache.parquet';

/** A column of a read model as information_schema describes it. */
export interface ColumnInfo {
  name: string;
  /** information_schema.columns.data_type */
  type: string;
  nullable: boolean;
}

/** PostgreSQL's types in the read models onto Parquet's (logical) types; others as UTF8. */
const PARQUET_TYPES: Record<string, { type: string; from?: (v: unknown) => unknown }> = {
  uuid: { type: 'UTF8' },
  text: { type: 'UTF8' },
  integer: { type: 'INT32' },
  bigint: { type: 'INT64', from: (v) => BigInt(v as string | number) },
  boolean: { type: 'BOOLEAN' },
  'double precision': { type: 'DOUBLE' },
  numeric: { type: 'DOUBLE', from: Number },
  date: { type: 'DATE', from: (v) => new Date(`${v as string}T00:00:00Z`) },
  'timestamp with time zone': { type: 'TIMESTAMP_MILLIS', from: (v) => new Date(v as string) },
};

const typeOf = (c: ColumnInfo) => PARQUET_TYPES[c.type] ?? { type: 'UTF8', from: String };

/**
 * Rows (as `row_to_json` gives them) as one Parquet file: a column per table column, in the
 * table's order, typed (dates as DATE, times as UTC TIMESTAMP_MILLIS), nullable as in the table.
 */
export async function readModelParquet(
  columns: ColumnInfo[],
  rows: Record<string, unknown>[],
): Promise<Buffer> {
  const schema = new ParquetSchema(
    Object.fromEntries(
      columns.map((c) => [
        c.name,
        { type: typeOf(c).type, optional: c.nullable, compression: 'SNAPPY' },
      ]),
    ) as ConstructorParameters<typeof ParquetSchema>[0],
  );
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  // The writer uses only write() and end(), which any Writable has; its type names a file's.
  const writer = await ParquetWriter.openStream(schema, out as unknown as WriteStream);
  for (const row of rows) {
    const record: Record<string, unknown> = {};
    for (const c of columns) {
      const v = row[c.name];
      if (v === null || v === undefined) continue;
      const from = typeOf(c).from;
      record[c.name] = from ? from(v) : v;
    }
    await writer.appendRow(record);
  }
  await writer.close();
  return Buffer.concat(chunks);
}
