import { Entity, PrimaryColumn, Column } from 'typeorm';
import type { ComplaintCategory } from '@complaints/contracts';

/** Which department investigates a class; subcategory `*` covers the rest of the class. */
@Entity({ name: 'department_route' })
export class DepartmentRoute {
  @PrimaryColumn('text')
  category: ComplaintCategory;

  @PrimaryColumn('text')
  subcategory: string;

  @Column('text')
  department: string;
}
