import type { Language } from '../../i18n';

/** `text` with `phrase` added: after a full stop nothing, else ， in Chinese or ". " in English. */
export function appendPhrase(text: string | undefined, phrase: string, language: Language): string {
  const current = (text ?? '').replace(/\s+$/, '');
  if (!current) return phrase;
  if (language === 'zh-CN') return /[。；，、！？,.;!?]$/.test(current) ? current + phrase : `${current}，${phrase}`;
  return /[.;!?]$/.test(current) ? `${current} ${phrase}` : `${current}. ${phrase}`;
}
