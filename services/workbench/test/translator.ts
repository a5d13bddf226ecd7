import i18next, { TFunction } from 'i18next';
import { en } from '../app/i18n/en';
import { zh } from '../app/i18n/zh';

/** The app's own translations in one language, as the screens use them. */
export async function translator(lng: 'zh' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return instance.t;
}
