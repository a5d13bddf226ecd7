import { DomainError } from '@complaints/platform';

/** Refusals about major incidents, and their HTTP statuses: the one place they are mapped. */
export const MajorErrors = {
  notFound: (incidentId: string) =>
    new DomainError('MAJOR.NOT_FOUND', 404, `No major incident ${incidentId}.`),
  stepDone: (step: string) =>
    new DomainError('MAJOR.STEP_DONE', 409, `The step ${step} is already ticked.`),
  unknownComplaint: (index: number) =>
    new DomainError('MAJOR.UNKNOWN_COMPLAINT', 422, 'A named complaint has no case here.', [
      { field: `complaintIds[${index}]`, reason: 'no case for this complaint' },
    ]),
  alreadyLinked: (index: number, incidentId: string) =>
    new DomainError(
      'MAJOR.ALREADY_LINKED',
      422,
      'A named complaint is already part of a major incident.',
      [{ field: `complaintIds[${index}]`, reason: `already part of major incident ${incidentId}` }],
    ),
};
