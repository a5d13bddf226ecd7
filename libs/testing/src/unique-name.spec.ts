import { uniqueName } from './unique-name';

describe('names for a test run', () => {
  it('are valid unquoted PostgreSQL identifiers and Kafka topic characters', () => {
    expect(uniqueName('Intake API / retries')).toMatch(/^t_[a-z0-9_]+$/);
  });

  it('never repeat across calls', () => {
    const names = new Set(Array.from({ length: 500 }, () => uniqueName('x')));
    expect(names.size).toBe(500);
  });
});
