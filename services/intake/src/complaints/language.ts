import type { Language } from '@complaints/contracts';

/** CJK unified ideographs: one in subject or description makes the complaint Chinese. */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export function detectLanguage(...texts: (string | undefined)[]): Language {
  return texts.some((t) => t && HAN.test(t)) ? 'zh' : 'en';
}
