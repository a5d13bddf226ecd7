import { cjkFont as platformCjkFont } from '@complaints/platform';
import type { CjkFont, CjkFontUse } from '@complaints/platform';

export { CjkFontMissingError } from '@complaints/platform';
export type { CjkFont } from '@complaints/platform';

const LETTER_FONT: CjkFontUse = { setting: 'LETTER_PDF_FONT', purpose: 'post letters' };

/** The font post letters are set in (the one analytics' report PDF uses): LETTER_PDF_FONT or Debian's. */
export function cjkFont(configured = ''): CjkFont {
  return platformCjkFont(configured, LETTER_FONT);
}
