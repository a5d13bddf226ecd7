import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { causedBy, createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import type {
  ComplaintReceivedV1,
  ComplaintSummary,
  EnvelopeOf,
  Language,
} from '@complaints/contracts';
import { Transaction } from '@complaints/messaging';
import { Actor, Clock } from '@complaints/platform';
import { RulebookService } from '../rules/rulebook.service';
import type { ClassifyInput } from '../rules/rule.types';
import { slaDeadlines } from '../rules/sla-deadlines';
import { Classification } from './classification.entity';
import { ClassificationLabel } from './classification-label.entity';
import { ClassificationJudge } from './classification-judge.service';
import type { Judgement } from './classification-judge.service';
import { maySeeDepartment } from './department-access';
import { ClassificationErrors } from './classification.errors';
import { ClassificationDto } from './dto/classification.dto';

@Injectable()
export class ClassificationService {
  constructor(
    private readonly rulebook: RulebookService,
    private readonly judge: ClassificationJudge,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Applies the classifier and the rules and nothing else: no row, no event. */
  evaluate(input: ClassifyInput & { language?: Language }): Promise<Judgement> {
    return this.judge.judge(input);
  }

  /**
   * Classifies a received complaint, stores the verdict and queues complaint.routed in the
   * caller's transaction. Returns undefined when the complaint was already classified (a second
   * received event for it): the first verdict stands and nothing is published again.
   */
  async classifyReceived(
    event: EnvelopeOf<typeof EVENT_TYPES.received>,
    tx: Transaction,
  ): Promise<Classification | undefined> {
    const received = event.payload;
    const verdict = await this.evaluate(received);
    const policy = this.rulebook.policy;
    const receivedAt = new Date(received.receivedAt);
    const due = slaDeadlines(policy, receivedAt, verdict.greenChannel);
    const classifiedAt = this.clock.now();
    const row: Classification = {
      complaintId: event.complaintId,
      category: verdict.category,
      subcategory: verdict.subcategory,
      severity: verdict.severity,
      priority: verdict.priority,
      greenChannel: verdict.greenChannel,
      department: verdict.department,
      confidence: verdict.confidence,
      matchedRuleIds: verdict.matchedRules.map((r) => r.id),
      receivedAt,
      acknowledgeDueAt: due.acknowledgeDueAt,
      decisionDueAt: due.decisionDueAt,
      slaPolicyId: policy.id,
      receivedEventId: event.eventId,
      classifiedAt,
      classifiedBy: verdict.classifiedBy,
      modelVersion: verdict.model?.version ?? null,
      classProbabilities: verdict.model?.probabilities ?? null,
      secondaryCategory: verdict.model?.secondaryCategory ?? null,
      modelConfidence: verdict.model?.probability ?? null,
      triage: verdict.model?.triage ?? false,
      language: received.language,
      subject: received.subject,
      description: received.description,
    };
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(Classification)
      .values(row)
      .orIgnore()
      .returning('complaint_id')
      .execute();
    if (inserted.raw.length === 0) return undefined;

    tx.publish(
      createEnvelope({
        type: EVENT_TYPES.routed,
        ...causedBy(event),
        occurredAt: classifiedAt,
        payload: {
          category: row.category,
          subcategory: row.subcategory,
          severity: row.severity,
          priority: row.priority,
          greenChannel: row.greenChannel,
          department: row.department,
          matchedRuleIds: row.matchedRuleIds,
          acknowledgeDueAt: row.acknowledgeDueAt.toISOString(),
          decisionDueAt: row.decisionDueAt.toISOString(),
          slaPolicyId: row.slaPolicyId,
          ...(row.modelVersion ? { classifierVersion: row.modelVersion } : {}),
          ...(row.triage ? { triage: true } : {}),
          complaint: summaryOf(received),
          // For recusal: the staff member's number and unit only (their name stays with intake).
          ...(received.complainedAbout?.staffId || received.complainedAbout?.unit
            ? {
                complainedAbout: {
                  ...(received.complainedAbout.staffId
                    ? { staffId: received.complainedAbout.staffId }
                    : {}),
                  ...(received.complainedAbout.unit ? { unit: received.complainedAbout.unit } : {}),
                },
              }
            : {}),
        },
      }),
    );
    return row;
  }

  /**
   * The current classification (as corrected, if it was), for a person who may see the
   * complaint's department; others get the same 404 as for a complaint never classified.
   */
  async find(complaintId: string, actor: Actor): Promise<ClassificationDto> {
    const c = await this.dataSource.getRepository(Classification).findOneBy({ complaintId });
    if (!c || !maySeeDepartment(actor, c.department))
      throw ClassificationErrors.notFound(complaintId);
    const label = await this.dataSource
      .getRepository(ClassificationLabel)
      .findOne({ where: { complaintId }, order: { correctedAt: 'DESC', id: 'DESC' } });
    return {
      complaintId: c.complaintId,
      category: c.category,
      subcategory: c.subcategory,
      severity: c.severity,
      priority: c.priority,
      greenChannel: c.greenChannel,
      department: c.department,
      confidence: c.confidence,
      matchedRuleIds: c.matchedRuleIds,
      receivedAt: c.receivedAt.toISOString(),
      acknowledgeDueAt: c.acknowledgeDueAt.toISOString(),
      decisionDueAt: c.decisionDueAt.toISOString(),
      slaPolicyId: c.slaPolicyId,
      classifiedAt: c.classifiedAt.toISOString(),
      ...(c.classifiedBy === 'model' && c.modelVersion && c.classProbabilities
        ? {
            model: {
              version: c.modelVersion,
              probabilities: c.classProbabilities,
              probability: c.modelConfidence ?? 0,
              ...(c.secondaryCategory ? { secondaryCategory: c.secondaryCategory } : {}),
              triage: c.triage,
            },
          }
        : {}),
      corrected: label !== null,
      ...(label
        ? {
            correction: {
              previousCategory: label.previousCategory,
              previousSubcategory: label.previousSubcategory,
              previousDepartment: label.previousDepartment,
              reason: label.reason,
              correctedBy: label.correctedByUsername,
              correctedAt: label.correctedAt.toISOString(),
            },
          }
        : {}),
    };
  }
}

/** What investigation and feedback need of the complaint; no personal data. */
function summaryOf(r: ComplaintReceivedV1): ComplaintSummary {
  return {
    referenceNumber: r.referenceNumber,
    channel: r.channel,
    productLine: r.productLine,
    language: r.language,
    subject: r.subject,
    description: r.description,
    receivedAt: r.receivedAt,
    ...(r.repeatKey ? { repeatKey: r.repeatKey } : {}),
  };
}
