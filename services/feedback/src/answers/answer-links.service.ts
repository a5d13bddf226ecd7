import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createEnvelope, EVENT_TYPES, Language } from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Clock, ROOT_LOGGER } from '@complaints/platform';
import { FeedbackConfig } from '../config/feedback.config';
import { Response } from '../responses/response.entity';
import { AnswerErrors } from './answer.errors';
import { AnswerLinkSigner } from './answer-link-signer';
import { AnswerLink } from './answer-link.entity';
import { AnswerLinkDto, AnswerTakenDto, SubmitAnswerDto } from './dto/submit-answer.dto';

const HOUR_MS = 60 * 60 * 1000;
/** The calling system an answer given on the link is published as. */
export const ANSWER_LINK_CALLER = 'answer-link';

export interface NewAnswerLink {
  id: string;
  expiresAt: Date;
  complaintId: string;
  responseId: string;
  round: number;
  language: Language;
  referenceNumber?: string;
}

/**
 * The customer's signed, expiring, one-time answer link: written with the letter, shown on the
 * public page, and spent by the one answer it takes. The answer goes the way a calling system's
 * does: complaints.feedback-submitted.v1 with the letter's round, through the outbox, in the
 * transaction that marks the link used; the survey consumer applies it.
 */
@Injectable()
export class AnswerLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly config: FeedbackConfig,
    private readonly signer: AnswerLinkSigner,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** When a link written at `at` expires (ANSWER_LINK_TTL_HOURS later). */
  expiryFrom(at: Date): Date {
    return new Date(at.getTime() + this.config.ANSWER_LINK_TTL_HOURS * HOUR_MS);
  }

  /** Keeps the link of a new letter, in the letter's transaction (its id is in the letter). */
  async create(tx: Transaction, link: NewAnswerLink): Promise<void> {
    await tx.manager.insert(AnswerLink, {
      id: link.id,
      complaintId: link.complaintId,
      responseId: link.responseId,
      round: link.round,
      language: link.language,
      referenceNumber: link.referenceNumber ?? null,
      expiresAt: link.expiresAt,
      usedAt: null,
      createdAt: this.clock.now(),
    });
  }

  /** What the page shows for a valid, unused, unexpired link: the reference and the round. */
  async lookup(token: string): Promise<AnswerLinkDto> {
    const link = await this.usable(
      this.dataSource.getRepository(AnswerLink).findOneBy({ id: this.linkId(token) }),
    );
    return {
      referenceNumber: link.referenceNumber,
      round: link.round,
      language: link.language,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /**
   * Takes the answer: the link locked, checked (signed, known, unused, unexpired, its letter
   * still awaiting an answer), marked used and the answer published, all in one transaction;
   * any refusal writes nothing.
   */
  submit(dto: SubmitAnswerDto): Promise<AnswerTakenDto> {
    const linkId = this.linkId(dto.token);
    return this.unitOfWork.run(async (tx) => {
      const now = this.clock.now();
      const link = await this.usable(
        tx.manager
          .createQueryBuilder(AnswerLink, 'l')
          .where('l.id = :linkId', { linkId })
          .setLock('pessimistic_write')
          .getOne(),
      );
      const response = await tx.manager.findOneBy(Response, { id: link.responseId });
      if (!response || response.status !== 'awaiting_feedback' || response.surveyDueAt <= now) {
        throw AnswerErrors.notAwaited();
      }
      await tx.manager.update(AnswerLink, { id: link.id }, { usedAt: now });
      const event = createEnvelope({
        complaintId: link.complaintId,
        correlationId: response.correlationId,
        causationId: response.respondedEventId,
        type: EVENT_TYPES.feedbackSubmitted,
        occurredAt: now,
        payload: {
          rating: dto.rating,
          solved: dto.solved,
          ...(dto.comment ? { comment: dto.comment } : {}),
          callerSystem: ANSWER_LINK_CALLER,
          round: link.round,
          ...(dto.reviewRequested ? { reviewRequested: true } : {}),
          submittedAt: now.toISOString(),
        },
      });
      tx.publish(event);
      // Ids and figures only: the comment may name people.
      this.logger.info(
        {
          complaintId: link.complaintId,
          correlationId: response.correlationId,
          eventId: event.eventId,
          round: link.round,
          reviewRequested: Boolean(dto.reviewRequested),
        },
        'answer taken on the answer link',
      );
      return { round: link.round, status: 'received' as const };
    });
  }

  private linkId(token: string): string {
    const id = this.signer.verify(token);
    if (!id) throw AnswerErrors.invalid();
    return id;
  }

  private async usable(found: Promise<AnswerLink | null>): Promise<AnswerLink> {
    const link = await found;
    if (!link) throw AnswerErrors.invalid();
    if (link.usedAt) throw AnswerErrors.used();
    if (link.expiresAt <= this.clock.now()) throw AnswerErrors.expired();
    return link;
  }
}
