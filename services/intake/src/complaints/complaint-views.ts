import { LIFECYCLE_STAGES } from '@complaints/contracts';
import { Complaint } from './complaint.entity';
import { ComplainantDto } from './dto/complainant.dto';
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
    stageTimes: inLifecycleOrder(c.stageTimes),
  };
}

/** jsonb keeps keys in its own order; callers read stages in the order a complaint meets them. */
function inLifecycleOrder(times: Complaint['stageTimes']): Complaint['stageTimes'] {
  return Object.fromEntries(
    LIFECYCLE_STAGES.filter((s) => times[s] !== undefined).map((s) => [s, times[s]]),
  );
}

/** The complainant's details the complaint holds; optional fields absent rather than empty. */
export function complainantView(c: Complaint): ComplainantDto {
  const { customerId, name, phone, email, idNumber } = c.customer;
  return {
    complaintId: c.id,
    referenceNumber: c.referenceNumber,
    channel: c.channel,
    name,
    ...(customerId ? { customerId } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(idNumber ? { idNumber } : {}),
    ...(c.policyNumber ? { policyNumber: c.policyNumber } : {}),
    language: c.language,
  };
}
