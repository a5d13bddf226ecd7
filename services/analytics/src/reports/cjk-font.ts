import { cjkFont as platformCjkFont } from '@complaints/platform';
import type { CjkFont, CjkFontUse } from '@complaints/platform';

export { CJK_FONT_PACKAGE, CjkFontMissingError } from '@complaints/platform';
export type { CjkFont } from '@complaints/platform';

const REPORT_FONT: CjkFontUse = { setting: 'REPORT_PDF_FONT', purpose: 'the report PDF' };

/** The font the report PDF is set in: REPORT_PDF_FONT or the first of Debian's CJK fonts present. */
export function cjkFont(configured = ''): CjkFont {
  return platformCjkFont(configured, REPORT_FONT);
}
