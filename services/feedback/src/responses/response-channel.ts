import type { IntakeChannel, ResponseChannel } from '@complaints/contracts';

/**
 * How the decision goes back, given how the complaint came in. Every choice leaves a written
 * proof of notification: a phone or social-media complaint gets the decision by SMS (the text
 * is the record), a branch visit or a regulator referral a formal letter.
 */
const RESPONSE_CHANNEL_FOR: Record<IntakeChannel, ResponseChannel> = {
  phone: 'sms',
  email: 'email',
  web: 'web',
  app: 'app',
  branch: 'letter',
  social: 'sms',
  regulator_referral: 'letter',
};

/** Events from before the complaint summary existed do not say; a letter reaches everyone. */
export const DEFAULT_RESPONSE_CHANNEL: ResponseChannel = 'letter';

export function responseChannelFor(intake: IntakeChannel | undefined): ResponseChannel {
  return intake ? RESPONSE_CHANNEL_FOR[intake] : DEFAULT_RESPONSE_CHANNEL;
}
