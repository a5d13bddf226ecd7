import { createEnvelope, EVENT_TYPES } from '@complaints/contracts';
import { SubmitFeedbackDto } from './dto/submit-feedback.dto';

/** complaints.feedback-submitted.v1: the answer as the calling system relayed it. */
export function feedbackSubmittedEvent(
  complaintId: string,
  dto: SubmitFeedbackDto,
  callerSystem: string,
  submittedAt: Date,
  round: number | null,
) {
  return createEnvelope({
    type: EVENT_TYPES.feedbackSubmitted,
    complaintId,
    occurredAt: submittedAt,
    payload: {
      rating: dto.rating,
      solved: dto.solved,
      ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
      callerSystem,
      ...(round ? { round } : {}),
      ...(dto.reviewRequested ? { reviewRequested: true } : {}),
      submittedAt: submittedAt.toISOString(),
    },
  });
}
