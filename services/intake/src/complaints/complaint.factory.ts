import { randomUUID } from 'crypto';
import { Complaint } from './complaint.entity';
import { CreateComplaintDto } from './dto/create-complaint.dto';
import { detectLanguage } from './language';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface NewComplaintInput {
  callerSystem: string;
  dto: CreateComplaintDto;
  receivedAt: Date;
  /** From complaint_reference_seq: numbers the human reference within all complaints. */
  sequence: string;
  /** natural days to the decision until routing sets the SLA */
  decisionDays: number;
}

/** A complaint as received, before it is stored: status `received`, due in decisionDays. */
export function newComplaint({
  callerSystem,
  dto,
  receivedAt,
  sequence,
  decisionDays,
}: NewComplaintInput): Complaint {
  return Object.assign(new Complaint(), {
    id: randomUUID(),
    referenceNumber: `CMP-${receivedAt.getUTCFullYear()}-${sequence.padStart(7, '0')}`,
    callerSystem,
    externalReference: dto.externalReference,
    channel: dto.channel,
    productLine: dto.productLine,
    language: dto.language ?? detectLanguage(dto.subject, dto.description),
    subject: dto.subject,
    description: dto.description,
    desiredOutcome: dto.desiredOutcome ?? null,
    customer: { ...dto.customer },
    complainedAbout: dto.complainedAbout ? { ...dto.complainedAbout } : null,
    policyNumber: dto.policyNumber ?? null,
    incidentOccurredAt: dto.incidentOccurredAt ? new Date(dto.incidentOccurredAt) : null,
    attachments: (dto.attachments ?? []).map((a) => ({ ...a })),
    receivedAt,
    status: 'received',
    stageTimes: { received: receivedAt.toISOString() },
    department: null,
    handlerId: null,
    assignedAt: null,
    decisionDueAt: new Date(receivedAt.getTime() + decisionDays * DAY_MS),
    statusChangedAt: receivedAt,
  });
}
