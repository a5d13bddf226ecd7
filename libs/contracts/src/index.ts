export * from './topics';
export * from './event-types';
export * from './events';
export * from './canonical-json';
export * from './json-schema';

export * from './envelope/event-envelope';
export * from './envelope/create-envelope';

export * from './validation/contract.errors';
export * from './validation/contract.patterns';
export * from './validation/contract.decorators';
export * from './validation/envelope.validator';
export * from './validation/flatten-validation-errors';

export * from './payloads/complaint.vocabulary';
export * from './payloads/complaint-summary.payload';
export * from './payloads/received/complaint-received-v1.payload';
export * from './payloads/received/complainant.payload';
export * from './payloads/received/complained-about.payload';
export * from './payloads/received/complaint-attachment.payload';
export * from './payloads/routed/complaint-routed-v1.payload';
export * from './payloads/investigated/complaint-investigated-v1.payload';
export * from './payloads/investigated/money-amount.payload';
export * from './payloads/responded/complaint-responded-v1.payload';
export * from './payloads/feedback-received/feedback-received-v1.payload';
export * from './payloads/reopened/complaint-reopened-v1.payload';
export * from './payloads/closed/complaint-closed-v1.payload';
export * from './payloads/archived/complaint-archived-v1.payload';
export * from './payloads/archived/archived-complaint-facts.payload';
export * from './payloads/archived/archived-classification.payload';
export * from './payloads/archived/archived-stage.payload';
export * from './payloads/archived/archived-sla-outcome.payload';
export * from './payloads/archived/archived-decision.payload';
export * from './payloads/archived/archived-feedback.payload';
export * from './payloads/archived/archived-closure.payload';
export * from './payloads/archived/archive-seal';
