import { createHash } from 'crypto';
import { SAMPLE_COMPLAINTS } from '@complaints/pipeline-client';

/** A request body for POST /v1/complaints. */
export type ComplaintBody = Record<string, unknown>;

/** Intake's limits (services/intake/src/complaints/dto, README "The request"). */
const MAX = {
  description: 10_000,
  desiredOutcome: 2_000,
  subject: 200,
  name: 200,
  staffId: 64,
  staffName: 200,
  unit: 200,
  policyNumber: 40,
  attachments: 20,
  attachmentName: 255,
  attachmentLocation: 2_048,
};

const PASSAGE =
  '我于去年投保的车险在今年三月发生事故后申请理赔，保险公司至今未给出任何明确答复，' +
  '客服多次承诺会在三个工作日内回电却从未兑现，理赔材料已经按要求提交了三次，' +
  '每次都被告知缺少不同的文件，我认为这种处理方式严重损害了消费者的合法权益。';

/** Exactly `length` Chinese characters (code points), from a realistic complaint passage. */
export function chineseText(length: number, seed = 0): string {
  const chars = [...PASSAGE];
  let out = '';
  for (let i = 0; i < length; i++) out += chars[(i + seed) % chars.length];
  return out;
}

/** One of the sample complaints (Chinese and English, all four classes), as intake takes it. */
export function sampleBody(i: number, externalReference: string): ComplaintBody {
  const { expectedCategory: _category, ...body } = SAMPLE_COMPLAINTS[i % SAMPLE_COMPLAINTS.length];
  return { ...body, externalReference };
}

/**
 * The largest complaint intake accepts: every text field at its maximum length in Chinese
 * (three UTF-8 bytes a character) and twenty attachment descriptions: about 180 KB of JSON,
 * under MAX_BODY_BYTES (256 KiB). A few dozen of these pending on one partition make a Kafka
 * record batch larger than the broker's 1 MB limit (issue 8, defect 1).
 */
export function maxSizeBody(i: number, externalReference: string): ComplaintBody {
  const attachments = Array.from({ length: MAX.attachments }, (_, n) => ({
    name: `${chineseText(MAX.attachmentName - 4, n)}.pdf`,
    mediaType: 'application/pdf',
    sizeBytes: 1_048_576 + n,
    sha256: createHash('sha256').update(`${externalReference}/${n}`).digest('hex'),
    location: chineseText(MAX.attachmentLocation, n + 7),
  }));
  return {
    channel: 'phone',
    externalReference,
    customer: { name: chineseText(MAX.name, i), phone: '+86 139 1234 5678' },
    complainedAbout: {
      staffId: `S${'7'.repeat(MAX.staffId - 1)}`,
      staffName: chineseText(MAX.staffName, i + 1),
      unit: chineseText(MAX.unit, i + 2),
    },
    policyNumber: `P${String(i).padStart(MAX.policyNumber - 1, '0')}`,
    productLine: 'motor',
    subject: chineseText(MAX.subject, i + 3),
    description: chineseText(MAX.description, i + 4),
    desiredOutcome: chineseText(MAX.desiredOutcome, i + 5),
    language: 'zh',
    attachments,
  };
}
