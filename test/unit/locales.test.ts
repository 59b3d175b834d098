import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeFiles } from '../../scripts/lib/locale-files';
import { CATALOG } from '@/utils/i18n/catalog';

describe('UI strings', () => {
  it('public/_locales is what the catalog says (run `npm run locales` after editing it)', () => {
    for (const [path, content] of Object.entries(localeFiles())) expect(readFileSync(path, 'utf8'), path).toBe(content);
  });

  it('every string has an English and a Chinese text with the same placeholders', () => {
    for (const [key, { en, zh }] of Object.entries(CATALOG)) {
      expect(en.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      expect(zh.match(/\$\d/g)?.sort() ?? [], key).toEqual(en.match(/\$\d/g)?.sort() ?? []);
    }
  });
});
