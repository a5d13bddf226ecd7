import { DomainError } from '@complaints/platform';

/** Investigation's error codes and their HTTP statuses: the one place they are mapped. */
export const CaseErrors = {
  notFound: (complaintId: string) =>
    new DomainError('CASE.NOT_FOUND', 404, `No case for complaint ${complaintId}.`),
  alreadyDecided: (round: number) =>
    new DomainError('CASE.ALREADY_DECIDED', 409, `Round ${round} of this case is already decided.`),
  /** Recusal: only the handler the case is assigned to decides it. */
  notAssigned: (handlerId: string) =>
    new DomainError('CASE.NOT_ASSIGNED', 403, `The case is not assigned to handler ${handlerId}.`),
  unknownHandler: (field: string, handlerId: string) =>
    new DomainError('HANDLER.NOT_FOUND', 422, `No handler ${handlerId}.`, [
      { field, reason: `no handler ${handlerId}` },
    ]),
};
