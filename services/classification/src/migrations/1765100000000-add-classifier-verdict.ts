import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddClassifierVerdict1765100000000 implements MigrationInterface {
  name = 'AddClassifierVerdict1765100000000';

  async up(q: QueryRunner): Promise<void> {
    // What the trained classifier said, and the words it said it about: an officer's later
    // correction of this row becomes a training example (text + corrected class). Rows from
    // before the model have no text and are not learnt from.
    await q.query(`
      ALTER TABLE classification
        ADD COLUMN classified_by text NOT NULL DEFAULT 'rules'
          CONSTRAINT ck_classification_classified_by CHECK (classified_by IN ('model', 'rules')),
        ADD COLUMN model_version text,
        ADD COLUMN class_probabilities jsonb,
        ADD COLUMN secondary_category text,
        ADD COLUMN model_confidence real,
        ADD COLUMN triage boolean NOT NULL DEFAULT false,
        ADD COLUMN language text,
        ADD COLUMN subject text,
        ADD COLUMN description text`);
    await q.query(
      `CREATE INDEX ix_classification_triage ON classification (classified_at) WHERE triage`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_classification_triage`);
    await q.query(`
      ALTER TABLE classification
        DROP COLUMN classified_by, DROP COLUMN model_version, DROP COLUMN class_probabilities,
        DROP COLUMN secondary_category, DROP COLUMN model_confidence, DROP COLUMN triage,
        DROP COLUMN language, DROP COLUMN subject, DROP COLUMN description`);
  }
}
