import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClassificationLabel1764900000000 implements MigrationInterface {
  name = 'CreateClassificationLabel1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per correction, never updated: the labels the classifier learns from.
    await q.query(`
      CREATE TABLE classification_label (
        id uuid CONSTRAINT pk_classification_label PRIMARY KEY,
        complaint_id uuid NOT NULL
          CONSTRAINT fk_classification_label_classification REFERENCES classification (complaint_id),
        category text NOT NULL,
        subcategory text NOT NULL,
        department text NOT NULL,
        previous_category text NOT NULL,
        previous_subcategory text NOT NULL,
        previous_department text NOT NULL,
        corrected_by_subject text NOT NULL,
        corrected_by_username text NOT NULL,
        reason text NOT NULL CONSTRAINT ck_classification_label_reason CHECK (length(reason) BETWEEN 1 AND 2000),
        corrected_at timestamptz NOT NULL,
        CONSTRAINT ck_classification_label_category
          CHECK (category IN ('product_service', 'business_handling', 'staff_service', 'technical')),
        CONSTRAINT ck_classification_label_changed CHECK (
          (category, subcategory, department) IS DISTINCT FROM
          (previous_category, previous_subcategory, previous_department))
      )`);
    await q.query(
      `CREATE INDEX ix_classification_label_complaint ON classification_label (complaint_id, corrected_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE classification_label`);
  }
}
