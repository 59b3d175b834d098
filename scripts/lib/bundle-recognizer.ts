/**
 * Bundles the recogniser the way the extension ships it (one minified ESM file), so benchmarks
 * measure shipped code, not on-the-fly TypeScript transpilation.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Writes `.tmp/bench/recognize.mjs` and returns its path. */
export async function bundleRecognizer(): Promise<string> {
  const outDir = join(root, '.tmp', 'bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'recognize.mjs');
  await build({
    entryPoints: [join(root, 'utils', 'recognize', 'index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    logLevel: 'silent',
    alias: { '@': root },
    // As Vite writes the extension's background: Chinese lists as UTF-8, not as \uXXXX escapes
    // (those make the file 1.4× larger and slower to load).
    charset: 'utf8',
  });
  return outfile;
}
