import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A calendar's special day: a public holiday, or a weekend day made a working day. */
@Entity({ name: 'holiday' })
export class Holiday {
  @PrimaryColumn('text')
  calendar: string;

  /** local date, YYYY-MM-DD */
  @PrimaryColumn('text')
  day: string;

  @Column('text')
  kind: 'holiday' | 'workday';

  @Column('text')
  name: string;
}
