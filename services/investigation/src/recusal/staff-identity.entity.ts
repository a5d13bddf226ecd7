import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person who signs in (username) and their employee number: for recusal. */
@Entity({ name: 'staff_identity' })
export class StaffIdentity {
  @PrimaryColumn('text')
  username: string;

  @Column('text', { name: 'staff_id' })
  staffId: string;
}
