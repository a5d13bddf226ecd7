import type { IntakeChannel } from '@complaints/contracts';
import type { FieldProblem } from '@complaints/platform';
import type { CreateComplaintDto } from '../dto/create-complaint.dto';
import type { CustomerDto } from '../dto/customer.dto';

type ContactField = keyof Pick<CustomerDto, 'phone' | 'email' | 'idNumber'>;

/**
 * What each channel must tell us about the customer besides the name: one entry per
 * requirement, each satisfied by any one of its fields.
 * - phone / email: the contact the complaint came through, to answer on it.
 * - web, app, branch, social: some way to send the decision (a phone or an e-mail).
 * - regulator_referral: the ID number, which the regulator's referral always carries and
 *   which matches the referral to the customer; the regulator relays our answer.
 */
export const CHANNEL_REQUIREMENTS: Record<IntakeChannel, ContactField[][]> = {
  phone: [['phone']],
  email: [['email']],
  web: [['phone', 'email']],
  app: [['phone', 'email']],
  branch: [['phone', 'email']],
  social: [['phone', 'email']],
  regulator_referral: [['idNumber']],
};

/** ms a caller's clock may run ahead of ours before an incident time counts as future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The rules that span fields or need the clock, run on a request whose fields are each
 * valid. Returns every problem, each naming its field.
 */
export function complaintRuleProblems(dto: CreateComplaintDto, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const alternatives of CHANNEL_REQUIREMENTS[dto.channel]) {
    if (alternatives.some((field) => dto.customer[field] !== undefined)) continue;
    const names = alternatives.join(' or ');
    problems.push({
      field: alternatives.length === 1 ? `customer.${alternatives[0]}` : 'customer',
      reason: `customer needs ${names} for the ${dto.channel} channel`,
    });
  }
  if (dto.complainedAbout && Object.values(dto.complainedAbout).every((v) => v === undefined)) {
    problems.push({
      field: 'complainedAbout',
      reason: 'complainedAbout must name a staffId, staffName or unit (or be left out)',
    });
  }
  if (
    dto.incidentOccurredAt &&
    Date.parse(dto.incidentOccurredAt) > now.getTime() + CLOCK_SKEW_MS
  ) {
    problems.push({
      field: 'incidentOccurredAt',
      reason: 'incidentOccurredAt must not be in the future',
    });
  }
  return problems;
}
