/** One e-mail as feedback's GET /v1/sent-mail lists it (SentMailDto). */
export interface SentMail {
  id: string;
  to: string[];
  subject: string;
  /** answer-link tokens hidden */
  text: string;
  receivedAt: string;
}
