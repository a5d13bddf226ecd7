import { DomainError } from '@complaints/platform';

/** Classification's error codes and their HTTP statuses: the one place they are mapped. */
export const ClassificationErrors = {
  notFound: (complaintId: string) =>
    new DomainError(
      'CLASSIFICATION.NOT_FOUND',
      404,
      `Complaint ${complaintId} has not been classified.`,
    ),
  unknownSubcategory: (category: string, subcategory: string) =>
    new DomainError(
      'CLASSIFICATION.UNKNOWN_SUBCATEGORY',
      422,
      `The rulebook has no subcategory ${subcategory} in class ${category}.`,
    ),
  unknownDepartment: (department: string) =>
    new DomainError(
      'CLASSIFICATION.UNKNOWN_DEPARTMENT',
      422,
      `No complaint is routed to a department ${department}.`,
    ),
  nothingToCorrect: (complaintId: string) =>
    new DomainError(
      'CLASSIFICATION.NOTHING_TO_CORRECT',
      409,
      `Complaint ${complaintId} already has this class and department.`,
    ),
};
