import { existsSync, readFileSync } from 'fs';

/** Debian's fonts with Chinese glyphs, each with the face to take from its collection. */
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

/** No font that can draw Chinese is installed: post letters cannot be printed. */
export class CjkFontMissingError extends Error {
  constructor(configured: string) {
    super(
      configured
        ? `LETTER_PDF_FONT=${configured} does not exist`
        : "no CJK font for post letters: install Debian's fonts-noto-cjk " +
            '(services/analytics/scripts/ensure-cjk-font.sh does) or set LETTER_PDF_FONT',
    );
    this.name = 'CjkFontMissingError';
  }
}

const loaded = new Map<string, CjkFont>();

/**
 * The font letters are set in (the one analytics' report PDF uses): LETTER_PDF_FONT (a path,
 * `path#Face` for a collection) or the first of Debian's CJK fonts present. Read once, then kept.
 */
export function cjkFont(configured = ''): CjkFont {
  const cached = loaded.get(configured);
  if (cached) return cached;
  const [path = '', face] = configured.split('#');
  const found = configured
    ? existsSync(path)
      ? { path, face: face || undefined }
      : undefined
    : KNOWN_FONTS.find((f) => existsSync(f.path));
  if (!found) throw new CjkFontMissingError(configured);
  const font = { path: found.path, face: found.face, data: readFileSync(found.path) };
  loaded.set(configured, font);
  return font;
}
