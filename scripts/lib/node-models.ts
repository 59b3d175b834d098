/**
 * Installs the shipped recogniser models from `public/models/` for Node (tests, command line,
 * benchmarks), the way the extension's background installs them with fetch.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasModel, installModel, MODEL_FILES } from '../../utils/recognize/models.ts';

const publicDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'public');

/** Where a shipped model file sits in the repository. */
export function modelPath(lang: keyof typeof MODEL_FILES): string {
  return join(publicDir, MODEL_FILES[lang]);
}

/** Reads the model files not installed yet, synchronously (a few ms), so recognize() works right after. */
export function installShippedModels(): void {
  if (!hasModel('zh')) installModel('zh', readFileSync(modelPath('zh')));
  if (!hasModel('en')) installModel('en', readFileSync(modelPath('en'), 'utf8'));
}
