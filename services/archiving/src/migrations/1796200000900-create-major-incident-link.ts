import { MigrationInterface, QueryRunner } from 'typeorm';

/** The major incident each complaint was linked to: the sealed record's majorIncident flag. */
export class CreateMajorIncidentLink1796200000900 implements MigrationInterface {
  name = 'CreateMajorIncidentLink1796200000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE major_incident_link (
        complaint_id uuid CONSTRAINT pk_major_incident_link PRIMARY KEY,
        incident_id uuid NOT NULL,
        trigger text NOT NULL,
        event_id uuid NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE major_incident_link`);
  }
}
