/**
 * Command-line annotator.
 *   annotate text [--lang zh|en] [--ref-date YYYY-MM-DD]   JSONL {id,text} on stdin → {id,entities} lines
 *   annotate page FILE.html [--url URL]                     one JSON object for an HTML page
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { recognize, type Lang } from '../utils/recognize/index.ts';
import { installShippedModels } from './lib/node-models.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

function fail(message: string): never {
  process.stderr.write(`annotate: ${message}\n`);
  process.exit(2);
}

async function annotateText(args: string[]) {
  const lang = option(args, '--lang') as Lang | undefined;
  if (lang && lang !== 'zh' && lang !== 'en') fail(`--lang must be zh or en, not ${lang}`);
  const refDate = option(args, '--ref-date');
  if (refDate && !/^\d{4}-\d{2}-\d{2}$/.test(refDate)) fail(`--ref-date must be YYYY-MM-DD, not ${refDate}`);
  installShippedModels();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let record: { id?: unknown; text?: unknown; lang?: unknown };
    try {
      record = JSON.parse(line);
    } catch {
      fail(`line ${n} is not JSON`);
    }
    if (typeof record.text !== 'string') fail(`line ${n} has no "text" string`);
    const recLang = lang ?? (record.lang === 'zh' || record.lang === 'en' ? record.lang : undefined);
    const entities = recognize(record.text, { lang: recLang, refDate });
    process.stdout.write(JSON.stringify({ id: record.id ?? n, entities }) + '\n');
  }
}

async function annotatePage(args: string[]) {
  const file = args[0];
  if (!file) fail('usage: annotate page FILE.html [--url URL]');
  const url = option(args, '--url');
  if (url !== undefined && !URL.canParse(url)) fail(`--url: not an absolute URL: ${JSON.stringify(url)} (e.g. https://www.example.gov.cn/2024-02/07/content_1.html)`);
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read ${file}: ${(err as Error).message}`);
  }
  const { annotateHtml } = await import('./lib/annotate-page.ts');
  const result = await annotateHtml(html, url);
  process.stdout.write(JSON.stringify(result) + '\n');
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'text') await annotateText(rest);
else if (mode === 'page') await annotatePage(rest);
else fail('usage: annotate text [--lang zh|en] [--ref-date YYYY-MM-DD] < records.jsonl | annotate page FILE.html [--url URL]');
