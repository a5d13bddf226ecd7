import { existsSync, readFileSync } from 'fs';

/** The Debian package the project installs for it (services/analytics/scripts/ensure-cjk-font.sh). */
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

/** Fonts with Chinese glyphs, from Debian's packages, each with the face to take from its collection. */
const KNOWN_FONTS = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
] as const;

export interface CjkFont {
  path: string;
  /** the face's PostScript name inside a collection (.ttc); undefined for a single font */
  face?: string;
  data: Buffer;
}

/** What a font is for, as its error names it: the setting that overrides it and the documents. */
export interface CjkFontUse {
  /** e.g. REPORT_PDF_FONT */
  setting: string;
  /** e.g. "the report PDF" */
  purpose: string;
}

/** No font that can draw Chinese is installed: the PDFs of `use` cannot be rendered. */
export class CjkFontMissingError extends Error {
  constructor(configured: string, use: CjkFontUse) {
    super(
      configured
        ? `${use.setting}=${configured} does not exist`
        : `no CJK font for ${use.purpose}: install Debian's ${CJK_FONT_PACKAGE} ` +
            `(services/analytics/scripts/ensure-cjk-font.sh) or set ${use.setting}`,
    );
    this.name = 'CjkFontMissingError';
  }
}

const loaded = new Map<string, CjkFont>();

/**
 * A font with Chinese glyphs for PDFs (pdfkit): `configured` (a path, `path#Face` for a
 * collection; the service's `use.setting`) or the first of Debian's CJK fonts present. Read
 * once per process, then kept (about 20 MB).
 */
export function cjkFont(configured: string, use: CjkFontUse): CjkFont {
  const cached = loaded.get(configured);
  if (cached) return cached;
  const [path = '', face] = configured.split('#');
  const found = configured
    ? existsSync(path)
      ? { path, face: face || undefined }
      : undefined
    : KNOWN_FONTS.find((f) => existsSync(f.path));
  if (!found) throw new CjkFontMissingError(configured, use);
  const font = { path: found.path, face: found.face, data: readFileSync(found.path) };
  loaded.set(configured, font);
  return font;
}
