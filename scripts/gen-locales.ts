/** Writes public/_locales/{en,zh_CN}/messages.json from utils/i18n/catalog.ts (the manifest reads them). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localeFiles } from './lib/locale-files.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, content] of Object.entries(localeFiles())) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${path}`);
}
