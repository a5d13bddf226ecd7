import { DomainError } from '@complaints/platform';

/** Recusal's refusals: the person complained about, a declared conflict, a reviewed decider. */
export const RecusalErrors = {
  /** The signed-in person is the staff member the complaint is about. */
  complainedAbout: (what: string) =>
    new DomainError(
      'RECUSAL.COMPLAINED_ABOUT',
      403,
      `The complaint is about you: you may not ${what} on this case.`,
    ),
  /** A supervisor or officer named a handler who may not hold the case. */
  handlerExcluded: (handlerId: string, why: string) =>
    new DomainError(
      'RECUSAL.HANDLER_EXCLUDED',
      422,
      `${handlerId} may not hold this case: ${why}.`,
      [{ field: 'handlerId', reason: why }],
    ),
  /** Nobody else is active who may take the case. */
  noneLeft: (department: string) =>
    new DomainError(
      'RECUSAL.NO_HANDLER_LEFT',
      409,
      `No other active handler in ${department} or the fallback department may take the case.`,
    ),
  alreadyDeclared: (handlerId: string) =>
    new DomainError(
      'RECUSAL.ALREADY_DECLARED',
      409,
      `${handlerId} already declared a conflict of interest on this case.`,
    ),
};
