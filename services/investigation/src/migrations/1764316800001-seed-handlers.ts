import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases one handler carries at once before assignment prefers a colleague. */
const MAX_OPEN_CASES = 25;

/**
 * The departments classification routes to, with their handlers; `complaints-office` takes
 * cases for departments that have nobody. Display names are roles, not people.
 */
const HANDLERS: [id: string, department: string, displayName: string][] = [
  ['h-claims-01', 'claims', 'Claims handler 1'],
  ['h-claims-02', 'claims', 'Claims handler 2'],
  ['h-claims-03', 'claims', 'Claims handler 3'],
  ['h-policy-01', 'policy-services', 'Policy services handler 1'],
  ['h-policy-02', 'policy-services', 'Policy services handler 2'],
  ['h-csq-01', 'customer-service-quality', 'Service quality handler 1'],
  ['h-csq-02', 'customer-service-quality', 'Service quality handler 2'],
  ['h-itops-01', 'it-operations', 'IT operations handler 1'],
  ['h-itops-02', 'it-operations', 'IT operations handler 2'],
  ['h-infosec-01', 'information-security', 'Information security handler 1'],
  ['h-infosec-02', 'information-security', 'Information security handler 2'],
  ['h-product-01', 'product-management', 'Product management handler 1'],
  ['h-product-02', 'product-management', 'Product management handler 2'],
  ['h-office-01', 'complaints-office', 'Complaints office handler 1'],
  ['h-office-02', 'complaints-office', 'Complaints office handler 2'],
];

export class SeedHandlers1764316800001 implements MigrationInterface {
  name = 'SeedHandlers1764316800001';

  async up(q: QueryRunner): Promise<void> {
    const params: unknown[] = [];
    const rows = HANDLERS.map(([id, department, displayName], i) => {
      params.push(id, department, displayName, MAX_OPEN_CASES);
      return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, true, $${i * 4 + 4})`;
    });
    await q.query(
      `INSERT INTO handler (id, department, display_name, active, max_open_cases) VALUES ${rows.join(', ')}`,
      params,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM handler WHERE id = ANY($1)`, [HANDLERS.map(([id]) => id)]);
  }
}
