import { MigrationInterface, QueryRunner } from 'typeorm';

type Row = [day: string, kind: 'holiday' | 'workday', name: string];

function range(from: string, to: string, name: string): Row[] {
  const rows: Row[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    rows.push([new Date(t).toISOString().slice(0, 10), 'holiday', name]);
  return rows;
}

/**
 * China's public holidays and adjusted working days (调休) as the State Council's General Office
 * published them for 2025 and 2026. Later years are added as data by a new migration when the
 * notice is out (usually in November); until then those years have weekends only.
 */
const CN: Row[] = [
  ...range('2025-01-01', '2025-01-01', "New Year's Day"),
  ...range('2025-01-28', '2025-02-04', 'Spring Festival'),
  ['2025-01-26', 'workday', 'Spring Festival'],
  ['2025-02-08', 'workday', 'Spring Festival'],
  ...range('2025-04-04', '2025-04-06', 'Qingming'),
  ...range('2025-05-01', '2025-05-05', 'Labour Day'),
  ['2025-04-27', 'workday', 'Labour Day'],
  ...range('2025-05-31', '2025-06-02', 'Dragon Boat Festival'),
  ...range('2025-10-01', '2025-10-08', 'National Day and Mid-Autumn Festival'),
  ['2025-09-28', 'workday', 'National Day'],
  ['2025-10-11', 'workday', 'National Day'],
  ...range('2026-01-01', '2026-01-03', "New Year's Day"),
  ['2026-01-04', 'workday', "New Year's Day"],
  ...range('2026-02-15', '2026-02-23', 'Spring Festival'),
  ['2026-02-14', 'workday', 'Spring Festival'],
  ['2026-02-28', 'workday', 'Spring Festival'],
  ...range('2026-04-04', '2026-04-06', 'Qingming'),
  ...range('2026-05-01', '2026-05-05', 'Labour Day'),
  ['2026-05-09', 'workday', 'Labour Day'],
  ...range('2026-06-19', '2026-06-21', 'Dragon Boat Festival'),
  ...range('2026-09-25', '2026-09-27', 'Mid-Autumn Festival'),
  ...range('2026-10-01', '2026-10-07', 'National Day'),
  ['2026-09-20', 'workday', 'National Day'],
  ['2026-10-10', 'workday', 'National Day'],
];

export class SeedChinaHolidays1796200000001 implements MigrationInterface {
  name = 'SeedChinaHolidays1796200000001';

  async up(q: QueryRunner): Promise<void> {
    const params = CN.flatMap(([day, kind, name]) => ['CN', day, kind, name]);
    const values = CN.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`);
    await q.query(
      `INSERT INTO holiday (calendar, day, kind, name) VALUES ${values.join(', ')}`,
      params,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM holiday WHERE calendar = 'CN' AND day < '2027-01-01'`);
  }
}
