import { describe, expect, it } from 'vitest';
import { pickLang } from './i18n';

describe('pickLang', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US', 'en-US'],
    ['en-GB,en;q=0.9', 'en-US'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR,en;q=0.5,zh;q=0.9', 'zh-CN'],
    ['de-DE', 'zh-CN'],
    ['zh;q=0,en', 'en-US'],
  ])('%s → %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});
