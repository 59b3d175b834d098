/** Bundles a benchmark's in-page entry with esbuild, so Chromium runs the shipped utils code, minified. */
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './common.ts';

/** Bundles `entry` (a path under scripts/bench) as one browser IIFE with `@` → repo root; returns its code. */
export async function bundleForPage(entry: string, name: string): Promise<string> {
  const outDir = join(root, '.tmp', 'bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.js`);
  await build({
    entryPoints: [join(root, 'scripts', 'bench', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile,
    logLevel: 'silent',
    alias: { '@': root },
    // the recogniser's model files, inlined: the page has no extension package to fetch them from
    loader: { '.bin': 'binary', '.txt': 'text' },
  });
  return readFileSync(outfile, 'utf8');
}
