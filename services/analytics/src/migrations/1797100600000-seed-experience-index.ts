import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Version 1 of the experience index (the plan's indicator system over quality, efficiency,
 * attitude and satisfaction): each indicator names a measure the service computes (0..1, higher
 * is better) and its weight; the weights of a version sum to 1. A new version is a new
 * migration under the next number; a published one never changes.
 */
const V1: [
  code: string,
  dimension: string,
  measure: string,
  weight: number,
  en: string,
  zh: string,
][] = [
  [
    'quality.not_reopened',
    'quality',
    'not_reopened',
    0.15,
    'Resolved without reopening',
    '一次解决率',
  ],
  [
    'quality.class_right_first_time',
    'quality',
    'class_not_corrected',
    0.1,
    'Classed right first time',
    '分类准确率',
  ],
  [
    'efficiency.deadline_met',
    'efficiency',
    'deadline_met',
    0.25,
    'Decided within the deadline',
    '时限达标率',
  ],
  [
    'attitude.no_staff_complaints',
    'attitude',
    'not_staff_service',
    0.15,
    'Not about staff service',
    '非服务态度类投诉占比',
  ],
  [
    'satisfaction.mean_rating',
    'satisfaction',
    'mean_rating',
    0.2,
    'Mean rating (1-5, scaled)',
    '平均评分',
  ],
  [
    'satisfaction.closed_satisfied',
    'satisfaction',
    'closed_satisfied',
    0.15,
    'Closed satisfied',
    '满意结案率',
  ],
];

export class SeedExperienceIndex1797100600000 implements MigrationInterface {
  name = 'SeedExperienceIndex1797100600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE experience_index_version (
        version integer CONSTRAINT pk_experience_index_version PRIMARY KEY,
        published_on date NOT NULL
      )`);
    await q.query(`
      CREATE TABLE experience_indicator (
        version integer NOT NULL
          CONSTRAINT fk_experience_indicator_version REFERENCES experience_index_version (version),
        code text NOT NULL,
        dimension text NOT NULL,
        measure text NOT NULL,
        weight numeric(6, 4) NOT NULL,
        label_en text NOT NULL,
        label_zh text NOT NULL,
        position integer NOT NULL,
        CONSTRAINT pk_experience_indicator PRIMARY KEY (version, code),
        CONSTRAINT ck_experience_indicator_dimension
          CHECK (dimension IN ('quality', 'efficiency', 'attitude', 'satisfaction')),
        CONSTRAINT ck_experience_indicator_weight CHECK (weight > 0 AND weight <= 1)
      )`);
    await q.query(
      `INSERT INTO experience_index_version (version, published_on) VALUES (1, '2026-12-01')`,
    );
    for (const [i, [code, dimension, measure, weight, en, zh]] of V1.entries())
      await q.query(
        `INSERT INTO experience_indicator (version, code, dimension, measure, weight, label_en, label_zh, position)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7)`,
        [code, dimension, measure, weight, en, zh, i + 1],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE experience_indicator`);
    await q.query(`DROP TABLE experience_index_version`);
  }
}
