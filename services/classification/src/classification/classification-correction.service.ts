import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Actor, actingPerson, AuditTrail, Clock } from '@complaints/platform';
import { RulebookService } from '../rules/rulebook.service';
import { Classification } from './classification.entity';
import { ClassificationErrors } from './classification.errors';
import { ClassificationLabel } from './classification-label.entity';
import { CorrectClassificationDto } from './dto/correct-classification.dto';

/** Investigation's fallback queue: no route sends complaints there, an officer may. */
const OFFICE_DEPARTMENT = 'complaints-office';

export interface CorrectionResult {
  label: ClassificationLabel;
  reclassifiedEventId: string;
}

/**
 * A complaints officer's correction of a complaint's class and department. The label row, the
 * new current class, complaints.reclassified.v1 and the audit entry commit together.
 */
@Injectable()
export class ClassificationCorrectionService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rulebook: RulebookService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  correct(
    complaintId: string,
    dto: CorrectClassificationDto,
    actor: Actor,
    request: FastifyRequest,
  ): Promise<CorrectionResult> {
    const department = this.departmentOf(dto);
    return this.unitOfWork.run(async (tx) => {
      // Locked: two corrections of one complaint apply one after the other, each on the latest.
      const current = await tx.manager
        .createQueryBuilder(Classification, 'c')
        .where('c.complaintId = :complaintId', { complaintId })
        .setLock('pessimistic_write')
        .getOne();
      if (!current) throw ClassificationErrors.notFound(complaintId);
      if (
        current.category === dto.category &&
        current.subcategory === dto.subcategory &&
        current.department === department
      ) {
        throw ClassificationErrors.nothingToCorrect(complaintId);
      }
      const label = this.labelOf(current, dto, department, actor);
      await tx.manager.insert(ClassificationLabel, label);
      await tx.manager.update(
        Classification,
        { complaintId },
        { category: dto.category, subcategory: dto.subcategory, department },
      );
      const reclassifiedEventId = this.publish(tx, label, actor);
      this.audit.record(tx, request, {
        action: 'classification.corrected',
        kind: 'change',
        complaintId,
        details: {
          category: label.category,
          subcategory: label.subcategory,
          department: label.department,
          previousCategory: label.previousCategory,
          previousSubcategory: label.previousSubcategory,
          previousDepartment: label.previousDepartment,
          reason: label.reason,
        },
        causedBy: {
          complaintId,
          correlationId: reclassifiedEventId,
          causationId: reclassifiedEventId,
        },
      });
      return { label, reclassifiedEventId };
    });
  }

  /** The department asked for, checked; else the routing table's for the corrected class. */
  private departmentOf(dto: CorrectClassificationDto): string {
    const engine = this.rulebook.engine;
    if (!engine.knowsClass(dto.category, dto.subcategory)) {
      throw ClassificationErrors.unknownSubcategory(dto.category, dto.subcategory);
    }
    if (dto.department === undefined) {
      const routed = engine.departmentFor(dto.category, dto.subcategory);
      // The rulebook refuses to load with a votable class that has no route.
      if (!routed) throw ClassificationErrors.unknownSubcategory(dto.category, dto.subcategory);
      return routed;
    }
    if (dto.department !== OFFICE_DEPARTMENT && !engine.routedDepartments().has(dto.department)) {
      throw ClassificationErrors.unknownDepartment(dto.department);
    }
    return dto.department;
  }

  private labelOf(
    current: Classification,
    dto: CorrectClassificationDto,
    department: string,
    actor: Actor,
  ): ClassificationLabel {
    return {
      // Time-ordered: the latest correction sorts last even within one clock tick.
      id: uuidv7(),
      complaintId: current.complaintId,
      category: dto.category,
      subcategory: dto.subcategory,
      department,
      previousCategory: current.category,
      previousSubcategory: current.subcategory,
      previousDepartment: current.department,
      correctedBySubject: actor.subject,
      correctedByUsername: actor.username,
      reason: dto.reason,
      correctedAt: this.clock.now(),
    };
  }

  private publish(tx: Transaction, label: ClassificationLabel, actor: Actor): string {
    const event = createEnvelope({
      type: EVENT_TYPES.reclassified,
      complaintId: label.complaintId,
      occurredAt: label.correctedAt,
      payload: {
        category: label.category,
        subcategory: label.subcategory,
        department: label.department,
        previousCategory: label.previousCategory,
        previousSubcategory: label.previousSubcategory,
        previousDepartment: label.previousDepartment,
        reason: label.reason,
        correctedBy: actingPerson(actor),
        correctedAt: label.correctedAt.toISOString(),
      },
    });
    tx.publish(event);
    return event.eventId;
  }
}
