import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A note's author is the signed-in person's username: a supervisor or complaints officer notes
 * cases too, and they are not handlers, so the author no longer references the handler table.
 */
export class NoteAuthorAnyPerson1767225600000 implements MigrationInterface {
  name = 'NoteAuthorAnyPerson1767225600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_note DROP CONSTRAINT fk_case_note_author`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_note ADD CONSTRAINT fk_case_note_author FOREIGN KEY (author) REFERENCES handler (id)`,
    );
  }
}
