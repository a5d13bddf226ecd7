import { Complaint } from './complaint.entity';
import { ComplaintAcceptedDto } from './dto/complaint-accepted.dto';
import { ComplaintStatusDto } from './dto/complaint-status.dto';

export function acceptedView(c: Complaint): ComplaintAcceptedDto {
  return {
    id: c.id,
    referenceNumber: c.referenceNumber,
    status: c.status,
    receivedAt: c.receivedAt.toISOString(),
    decisionDueAt: c.decisionDueAt.toISOString(),
  };
}

export function statusView(c: Complaint): ComplaintStatusDto {
  return {
    ...acceptedView(c),
    externalReference: c.externalReference,
    ...(c.department ? { department: c.department } : {}),
    stageTimes: c.stageTimes,
  };
}
