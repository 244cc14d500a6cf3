import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lastmeter.language';
const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en-US';
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): Chinese is the default.
    return 'zh-CN';
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(DAYJS_LOCALE[language]);
  document.documentElement.lang = language;
  document.title = i18next.t('app.fullTitle');
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'zh-CN';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this page.
  }
  await i18next.changeLanguage(language);
  applyLanguage(language);
}

export function initI18n(): typeof i18next {
  const language = storedLanguage();
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  applyLanguage(language);
  return i18next;
}
