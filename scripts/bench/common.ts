/** What every benchmark section shares: paths, the data folder, medians and table printing. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, so sections find fixtures and build output wherever they are run from. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The development data (DOSSIER_DATA, default ../shared/data): evaluation-only, never copied into the repo. */
export const dataDir = resolve(process.env.DOSSIER_DATA ?? join(root, '..', 'shared', 'data'));

/** Rounds per measurement (BENCH_ROUNDS), at least `min`: medians need several runs. */
export function rounds(min: number): number {
  return Math.max(min, Number(process.env.BENCH_ROUNDS ?? min));
}

/** The `text` field of each line of a JSONL file (empty when the file is absent). */
export function readTexts(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Median of a list of numbers: robust to the odd slow run on a shared 2-core machine. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Human-sized numbers for tables: 1.2 k, 3.40 M. */
export const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(1));

/** Milliseconds with sensible precision. */
export const ms = (n: number) => (Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Prints one Markdown table row. */
export const row = (cells: Array<string | number>) => console.log(`| ${cells.join(' | ')} |`);

/** Prints a Markdown table header. */
export function header(cells: string[]) {
  row(cells);
  row(cells.map(() => '---'));
}
