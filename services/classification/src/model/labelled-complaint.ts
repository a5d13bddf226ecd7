import type {
  ComplaintCategory,
  IntakeChannel,
  Language,
  ProductLine,
} from '@complaints/contracts';

/** One line of a labelled JSONL file: the corpus, an officer's label, or a file to evaluate. */
export interface LabelledComplaint {
  id?: string;
  language?: Language;
  label: ComplaintCategory;
  subcategory?: string;
  department?: string;
  productLine?: ProductLine;
  channel?: IntakeChannel;
  subject?: string;
  /** `text` in the corpus; `description` is accepted as its synonym. */
  text: string;
  /** `authored` (written for the corpus in the style of public complaint stories), or an address. */
  source?: string;
}
