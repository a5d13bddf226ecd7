import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A letter printed to post: the PDF as printed, its hash, and its registered-mail number once posted. */
@Entity({ name: 'post_letter' })
export class PostLetter {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'message_id' })
  messageId: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId: string;

  /** The message_proof row (channel post) this letter is the proof of. */
  @Column('uuid', { name: 'proof_id' })
  proofId: string;

  @Column('bytea')
  pdf: Buffer;

  /** sha256 hex of `pdf` */
  @Column('text', { name: 'pdf_hash' })
  pdfHash: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  /** The token subject of who printed it. */
  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('text', { name: 'registered_number', nullable: true })
  registeredNumber: string | null;

  @Column('timestamptz', { name: 'posted_at', nullable: true })
  postedAt: Date | null;
}
