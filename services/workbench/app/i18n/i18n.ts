import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

const STORAGE_KEY = 'workbench.language';
export type UiLanguage = 'zh' | 'en';

export function savedLanguage(): UiLanguage {
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** Chinese first; the choice of English is kept in this browser. */
export async function setupI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: savedLanguage(),
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = savedLanguage() === 'zh' ? 'zh-CN' : 'en';
}

export function switchLanguage(to: UiLanguage): void {
  window.localStorage.setItem(STORAGE_KEY, to);
  document.documentElement.lang = to === 'zh' ? 'zh-CN' : 'en';
  void i18next.changeLanguage(to);
}
