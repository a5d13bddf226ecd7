import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ComplaintCategory,
  IntakeChannel,
  Priority,
  ProductLine,
  Severity,
} from '@complaints/contracts';

/** A rule of the rulebook as stored; see RuleDefinition for what each field means. */
@Entity({ name: 'routing_rule' })
export class RoutingRule {
  @PrimaryColumn('text')
  id: string;

  /** Evaluation order, ascending. */
  @Column('integer')
  priority: number;

  @Column('text')
  description: string;

  @Column('text', { nullable: true })
  pattern: string | null;

  @Column('text', { array: true, nullable: true })
  channels: IntakeChannel[] | null;

  @Column('text', { name: 'product_lines', array: true, nullable: true })
  productLines: ProductLine[] | null;

  @Column('text', { nullable: true })
  category: ComplaintCategory | null;

  @Column('text', { nullable: true })
  subcategory: string | null;

  @Column('integer')
  weight: number;

  @Column('text', { name: 'min_severity', nullable: true })
  minSeverity: Severity | null;

  @Column('text', { name: 'min_priority', nullable: true })
  minPriority: Priority | null;

  @Column('boolean', { name: 'green_channel' })
  greenChannel: boolean;

  /** A disabled rule stays on record but is not loaded. */
  @Column('boolean')
  enabled: boolean;
}
