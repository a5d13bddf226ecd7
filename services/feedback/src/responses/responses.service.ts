import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { causedBy, createEnvelope, EnvelopeOf, EVENT_TYPES, Language } from '@complaints/contracts';
import { PermanentEventError, Transaction } from '@complaints/messaging';
import { Actor, Clock, ROOT_LOGGER } from '@complaints/platform';
import { AnswerLinkSigner } from '../answers/answer-link-signer';
import { AnswerLinks } from '../answers/answer-links.service';
import { ComplaintDepartment } from '../departments/complaint-department.entity';
import { maySeeDepartment } from '../departments/department-access';
import { FeedbackConfig } from '../config/feedback.config';
import { CustomerContact } from '../messages/customer-contact.entity';
import { MessageQueue } from '../messages/message-queue.service';
import { MessageRefusedError, RenderedMessage } from '../messages/templates/message-template';
import { MessageTemplates } from '../messages/templates/message-templates';
import { ReviewDecisionLetter } from '../messages/templates/review-decision-letter';
import { ResponseDto } from './dto/response.dto';
import { responseChannelFor } from './response-channel';
import { Response } from './response.entity';
import { ResponseErrors } from './response.errors';
import { writeResponseLetter } from './response-letter';

const HOUR_MS = 60 * 60 * 1000;
/** Events from before the complaint summary existed do not say; most complaints are in Chinese. */
const DEFAULT_LANGUAGE: Language = 'zh';
/** The review-decision letter's template (data beside the other templates, checked once). */
const REVIEW_LETTER = new ReviewDecisionLetter();

@Injectable()
export class ResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: FeedbackConfig,
    private readonly messages: MessageQueue,
    private readonly templates: MessageTemplates,
    private readonly answerLinks: AnswerLinks,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Writes the letter for a decision, stores it and queues `complaint.responded`, in the
   * consumer's transaction. A decision already answered (same complaint and round) changes
   * nothing, whatever its eventId.
   */
  async respond(event: EnvelopeOf<'complaint.investigated'>, tx: Transaction): Promise<void> {
    const decision = event.payload;
    const log = {
      complaintId: event.complaintId,
      eventId: event.eventId,
      correlationId: event.correlationId,
      round: decision.round,
    };
    // The latest response, locked: a concurrent survey answer or sweep for this complaint waits.
    const previous = await tx.manager
      .createQueryBuilder(Response, 'r')
      .where('r.complaintId = :complaintId', { complaintId: event.complaintId })
      .orderBy('r.round', 'DESC')
      .limit(1)
      .setLock('pessimistic_write')
      .getOne();
    if (previous) {
      if (previous.round >= decision.round) {
        const answered =
          previous.round === decision.round ||
          (await tx.manager.existsBy(Response, {
            complaintId: event.complaintId,
            round: decision.round,
          }));
        if (answered) {
          this.logger.info(log, 'decision already answered; nothing to do');
          return;
        }
        throw new PermanentEventError(
          'FEEDBACK.STALE_DECISION',
          `round ${decision.round} arrived after round ${previous.round} was answered`,
        );
      }
      if (previous.status === 'closed') {
        throw new PermanentEventError(
          'FEEDBACK.COMPLAINT_CLOSED',
          `the complaint closed on round ${previous.round}`,
        );
      }
    }

    const sentAt = this.clock.now();
    const surveyDueAt = new Date(sentAt.getTime() + this.config.SURVEY_WINDOW_HOURS * HOUR_MS);
    const language = decision.complaint?.language ?? DEFAULT_LANGUAGE;
    const channel = responseChannelFor(decision.complaint?.channel);
    const regulatorLine = this.templates.regulatorLine(language);
    const body = writeResponseLetter({
      language,
      outcome: decision.outcome,
      round: decision.round,
      ...(decision.complaint ? { referenceNumber: decision.complaint.referenceNumber } : {}),
      summary: decision.summary,
      rootCause: decision.rootCause,
      ...(decision.remedy ? { remedy: decision.remedy } : {}),
      ...(decision.compensation ? { compensation: decision.compensation } : {}),
      surveyWindowHours: this.config.SURVEY_WINDOW_HOURS,
      ...(regulatorLine ? { regulatorLine } : {}),
    });
    const message = {
      cause: causedBy(event),
      kind: decision.review ? ('review-decision' as const) : ('decision' as const),
      dedupeKey: `${decision.review ? 'review-decision' : 'decision'}:${decision.round}`,
      language,
    };
    let letter: RenderedMessage;
    const responseId = randomUUID();
    // The customer's one-time answer link: written with the letter, kept only if the letter is.
    const link = { id: randomUUID(), expiresAt: this.answerLinks.expiryFrom(sentAt) };
    const contact = await tx.manager.findOneBy(CustomerContact, {
      complaintId: event.complaintId,
    });
    const reference = decision.complaint?.referenceNumber ?? contact?.referenceNumber;
    try {
      // An internal review's decision has its own letter: the outcome of the review and the
      // remedies still open (the review itself is spent), with its own answer link.
      letter = decision.review
        ? REVIEW_LETTER.render(language, reference, {
            outcome: decision.review.outcome,
            findings: decision.summary,
            basis: decision.rootCause,
            ...(decision.remedy ? { remedy: decision.remedy } : {}),
            ...(regulatorLine ? { regulatorLine } : {}),
            answerLink: {
              mark: AnswerLinkSigner.mark(link.id),
              until: this.templates.customerDate(link.expiresAt, language),
            },
          })
        : this.templates.decisionLetter(
            language,
            reference,
            { findings: decision.summary, basis: decision.rootCause },
            body,
            { mark: AnswerLinkSigner.mark(link.id), expiresAt: link.expiresAt },
          );
    } catch (err) {
      if (!(err instanceof MessageRefusedError)) throw err;
      // Nothing is sent and nothing says it was: the case still awaits a letter with every part.
      await this.messages.refuse(tx, message, err);
      return;
    }
    await this.messages.queue(tx, message, letter);
    await this.answerLinks.create(tx, {
      ...link,
      complaintId: event.complaintId,
      responseId,
      round: decision.round,
      language,
      ...(reference ? { referenceNumber: reference } : {}),
    });
    const responded = createEnvelope({
      ...causedBy(event),
      type: EVENT_TYPES.responded,
      occurredAt: sentAt,
      payload: {
        responseId,
        round: decision.round,
        channel,
        language,
        body,
        sentAt: sentAt.toISOString(),
        surveyDueAt: surveyDueAt.toISOString(),
      },
    });

    if (previous?.status === 'awaiting_feedback') {
      // A new decision without a reopening replaces the one still waiting: only the newest closes.
      await tx.manager.update(Response, { id: previous.id }, { status: 'superseded' });
      this.logger.warn(
        { ...log, supersededRound: previous.round },
        'a newer decision superseded a response awaiting feedback',
      );
    }
    const reopenCount = previous
      ? previous.reopenCount + (previous.status === 'feedback_received' ? 1 : 0)
      : 0;
    await tx.manager.insert(Response, {
      id: responseId,
      complaintId: event.complaintId,
      round: decision.round,
      outcome: decision.outcome,
      language,
      channel,
      body,
      sentAt,
      surveyDueAt,
      status: 'awaiting_feedback',
      reopenCount,
      correlationId: event.correlationId,
      respondedEventId: responded.eventId,
    });
    tx.publish(responded);
    this.logger.info({ ...log, responseId, channel, language }, 'response sent');
  }

  /**
   * The latest letter, for a person who may read the complaint's department; anyone else gets
   * the same 404 as for a complaint with no letter.
   */
  async latest(complaintId: string, actor: Actor): Promise<ResponseDto> {
    const held = await this.dataSource
      .getRepository(ComplaintDepartment)
      .findOneBy({ complaintId });
    if (!maySeeDepartment(actor, held?.department)) throw ResponseErrors.notFound(complaintId);
    const response = await this.dataSource
      .getRepository(Response)
      .findOne({ where: { complaintId }, order: { round: 'DESC' } });
    if (!response) throw ResponseErrors.notFound(complaintId);
    return {
      id: response.id,
      complaintId: response.complaintId,
      round: response.round,
      outcome: response.outcome,
      language: response.language,
      channel: response.channel,
      body: response.body,
      sentAt: response.sentAt.toISOString(),
      surveyDueAt: response.surveyDueAt.toISOString(),
      status: response.status,
      reopenCount: response.reopenCount,
    };
  }
}
