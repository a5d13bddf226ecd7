import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'crypto';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { Transaction, UnitOfWork } from '@complaints/messaging';
import { Actor, AuditTrail, Clock, ROOT_LOGGER } from '@complaints/platform';
import { AnswerLinkSigner } from '../answers/answer-link-signer';
import { FeedbackConfig } from '../config/feedback.config';
import { ComplaintDepartment } from '../departments/complaint-department.entity';
import { maySeeDepartment } from '../departments/department-access';
import { CustomerContact } from '../messages/customer-contact.entity';
import { CustomerMessage, MessageKind } from '../messages/customer-message.entity';
import { MessageProof } from '../messages/message-proof.entity';
import { cjkFont } from './cjk-font';
import { PostLetterDto, RecordPostingDto } from './dto/post-letter.dto';
import { renderLetterPdf } from './letter-pdf';
import { LetterErrors } from './letter.errors';
import { PostLetter } from './post-letter.entity';
import { registeredNumberProblem } from './registered-mail-number';

/** The proof's address for a letter: the postal address is written on the envelope, not held here. */
const POSTAL_ADDRESS = 'postal address on the envelope';

/**
 * Post as a channel: a message printed as a PDF letter (kept with its hash, as a proof of
 * notification on the post channel, status `printed`), then recorded as posted with its
 * registered-mail number (the proof becomes `sent`, the number its provider id). Each step is
 * audited and limited to people who may read the complaint's department.
 */
@Injectable()
export class PostLetters {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly config: FeedbackConfig,
    private readonly links: AnswerLinkSigner,
    private readonly audit: AuditTrail,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Prints the latest `kind` message of the complaint, or returns the letter already printed
   * for it and not yet posted (printing twice makes one letter).
   */
  async print(
    complaintId: string,
    kind: MessageKind,
    actor: Actor,
    request: FastifyRequest,
  ): Promise<PostLetterDto> {
    const font = cjkFont(this.config.LETTER_PDF_FONT);
    return this.unitOfWork.run(async (tx) => {
      await this.mayRead(tx, complaintId, actor);
      const message = await tx.manager
        .createQueryBuilder(CustomerMessage, 'm')
        .where('m.complaintId = :complaintId AND m.kind = :kind', { complaintId, kind })
        .andWhere("m.status <> 'refused'")
        .orderBy('m.createdAt', 'DESC')
        .limit(1)
        .setLock('pessimistic_write')
        .getOne();
      if (!message) throw LetterErrors.nothingToPrint(complaintId, kind);
      const unposted = await tx.manager
        .createQueryBuilder(PostLetter, 'l')
        .where('l.messageId = :id AND l.postedAt IS NULL', { id: message.id })
        .getOne();
      if (unposted) return this.dto(tx, unposted);

      const now = this.clock.now();
      const contact = await tx.manager.findOneBy(CustomerContact, { complaintId });
      const pdf = await renderLetterPdf(
        {
          language: message.language,
          subject: message.subject,
          body: this.links.expand(message.body),
          referenceNumber: contact?.referenceNumber ?? null,
          date: message.createdAt,
          timeZone: this.config.MESSAGE_TIME_ZONE,
          sender: this.config.MAIL_FROM.replace(/\s*<[^>]*>\s*$/, ''),
        },
        font,
      );
      const pdfHash = createHash('sha256').update(pdf).digest('hex');
      const attempts = await tx.manager.countBy(MessageProof, {
        messageId: message.id,
        channel: 'post',
      });
      const proofId = randomUUID();
      await tx.manager.insert(MessageProof, {
        id: proofId,
        messageId: message.id,
        complaintId,
        channel: 'post',
        maskedAddress: POSTAL_ADDRESS,
        // For post, the hash of the document printed: what the envelope holds.
        contentHash: pdfHash,
        templateId: message.templateId,
        templateVersion: message.templateVersion,
        attempt: attempts + 1,
        sentAt: now,
        providerMessageId: null,
        deliveryStatus: 'printed',
        statusAt: now,
        error: null,
      });
      const letter: PostLetter = {
        id: randomUUID(),
        messageId: message.id,
        complaintId,
        proofId,
        pdf,
        pdfHash,
        createdAt: now,
        createdBy: actor.subject,
        registeredNumber: null,
        postedAt: null,
      };
      await tx.manager.insert(PostLetter, letter);
      this.audit.record(tx, request, {
        action: 'letter.printed',
        kind: 'change',
        complaintId,
        details: { kind, letterId: letter.id, proofId, pdfHash },
      });
      this.logger.info(
        { complaintId, correlationId: message.correlationId, letterId: letter.id, kind },
        'letter printed for post',
      );
      return this.dto(tx, letter);
    });
  }

  /** The PDF as printed; the read is audited (the letter holds the customer's case). */
  async pdf(
    complaintId: string,
    letterId: string,
    actor: Actor,
    request: FastifyRequest,
  ): Promise<Buffer> {
    const letter = await this.unitOfWork.run(async (tx) => {
      await this.mayRead(tx, complaintId, actor);
      const found = await tx.manager.findOneBy(PostLetter, { id: letterId, complaintId });
      if (!found) throw LetterErrors.notFound(complaintId);
      this.audit.record(tx, request, {
        action: 'letter.read',
        kind: 'read',
        complaintId,
        details: { letterId },
      });
      return found;
    });
    return letter.pdf;
  }

  /** Records the letter as posted, with its registered-mail number: the proof becomes `sent`. */
  async recordPosting(
    complaintId: string,
    letterId: string,
    dto: RecordPostingDto,
    actor: Actor,
    request: FastifyRequest,
  ): Promise<PostLetterDto> {
    const problem = registeredNumberProblem(dto.registeredNumber);
    if (problem) throw LetterErrors.badNumber(problem);
    const postedAt = new Date(dto.postedAt);
    const now = this.clock.now();
    if (postedAt.getTime() > now.getTime()) throw LetterErrors.postedInFuture();
    return this.unitOfWork.run(async (tx) => {
      await this.mayRead(tx, complaintId, actor);
      const letter = await tx.manager
        .createQueryBuilder(PostLetter, 'l')
        .where('l.id = :letterId AND l.complaintId = :complaintId', { letterId, complaintId })
        .setLock('pessimistic_write')
        .getOne();
      if (!letter) throw LetterErrors.notFound(complaintId);
      if (letter.postedAt) throw LetterErrors.alreadyPosted();
      if (postedAt.getTime() < letter.createdAt.getTime()) throw LetterErrors.postedBeforePrinted();
      if (await tx.manager.existsBy(PostLetter, { registeredNumber: dto.registeredNumber })) {
        throw LetterErrors.numberInUse();
      }
      await tx.manager.update(
        PostLetter,
        { id: letter.id },
        { registeredNumber: dto.registeredNumber, postedAt },
      );
      await tx.manager.update(
        MessageProof,
        { id: letter.proofId },
        {
          providerMessageId: dto.registeredNumber,
          deliveryStatus: 'sent',
          sentAt: postedAt,
          statusAt: now,
        },
      );
      const message = await tx.manager.findOneByOrFail(CustomerMessage, { id: letter.messageId });
      if (message.status !== 'told') {
        await tx.manager.update(
          CustomerMessage,
          { id: message.id },
          { status: 'told', toldAt: message.toldAt ?? postedAt },
        );
      }
      if (message.kind === 'acknowledgement' && !message.toldAt) {
        tx.publish(
          createEnvelope({
            complaintId,
            correlationId: message.correlationId,
            causationId: message.causationId,
            type: EVENT_TYPES.acknowledged,
            occurredAt: now,
            payload: {
              acknowledgedAt: postedAt.toISOString(),
              channel: 'letter',
              proofId: letter.proofId,
            },
          }),
        );
      }
      this.audit.record(tx, request, {
        action: 'letter.posted',
        kind: 'change',
        complaintId,
        details: { letterId, proofId: letter.proofId, registeredNumber: dto.registeredNumber },
      });
      return this.dto(tx, { ...letter, registeredNumber: dto.registeredNumber, postedAt });
    });
  }

  private async mayRead(tx: Transaction, complaintId: string, actor: Actor): Promise<void> {
    const held = await tx.manager.findOneBy(ComplaintDepartment, { complaintId });
    if (!maySeeDepartment(actor, held?.department)) throw LetterErrors.notFound(complaintId);
  }

  private async dto(tx: Transaction, letter: PostLetter): Promise<PostLetterDto> {
    const proof = await tx.manager.findOneByOrFail(MessageProof, { id: letter.proofId });
    return {
      id: letter.id,
      complaintId: letter.complaintId,
      messageId: letter.messageId,
      proofId: letter.proofId,
      pdfHash: letter.pdfHash,
      deliveryStatus: proof.deliveryStatus,
      createdAt: letter.createdAt.toISOString(),
      ...(letter.registeredNumber ? { registeredNumber: letter.registeredNumber } : {}),
      ...(letter.postedAt ? { postedAt: letter.postedAt.toISOString() } : {}),
    };
  }
}
