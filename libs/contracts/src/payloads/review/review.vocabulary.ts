/** What an internal review finds of the decision it reviewed. */
export const REVIEW_OUTCOMES = ['upheld', 'overturned'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** Through what the customer asked for the review. */
export const REVIEW_REQUEST_CHANNELS = ['calling-system', 'answer-link', 'officer'] as const;
export type ReviewRequestChannel = (typeof REVIEW_REQUEST_CHANNELS)[number];
