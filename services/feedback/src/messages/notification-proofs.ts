import type {
  NotificationProof,
  NotificationChannel,
  NotificationStatus,
} from '@complaints/contracts';
import type { Transaction } from '@complaints/messaging';

interface ProofRow {
  kind: string;
  channel: NotificationChannel;
  masked_address: string;
  content_hash: string;
  template_id: string;
  template_version: number;
  attempt: number;
  sent_at: Date;
  provider_message_id: string | null;
  delivery_status: NotificationStatus;
  status_at: Date;
}

/**
 * Every proof of notification of the complaint, oldest first, as the archive keeps it (carried
 * on complaints.closed.v1): masked addresses and hashes, never an address or a text.
 */
export async function notificationProofs(
  tx: Transaction,
  complaintId: string,
): Promise<NotificationProof[]> {
  const rows: ProofRow[] = await tx.manager.query(
    `SELECT m.kind, p.channel, p.masked_address, p.content_hash, p.template_id, p.template_version,
            p.attempt, p.sent_at, p.provider_message_id, p.delivery_status, p.status_at
       FROM message_proof p JOIN customer_message m ON m.id = p.message_id
      WHERE p.complaint_id = $1
      ORDER BY p.sent_at, p.attempt, p.id
      LIMIT 500`,
    [complaintId],
  );
  return rows.map((r) => ({
    messageKind: r.kind,
    channel: r.channel,
    maskedAddress: r.masked_address,
    contentHash: r.content_hash,
    templateId: r.template_id,
    templateVersion: r.template_version,
    attempt: r.attempt,
    sentAt: r.sent_at.toISOString(),
    ...(r.provider_message_id ? { providerMessageId: r.provider_message_id } : {}),
    deliveryStatus: r.delivery_status,
    statusAt: r.status_at.toISOString(),
  }));
}
