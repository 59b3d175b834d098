import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Page text, knowledge-base records and imported files are only ever rendered as text: Preact
 * children and textContent, never markup. This pins that down for every source file of the
 * extension, so an `innerHTML` added for convenience fails here instead of becoming an XSS on a
 * news page (the card) or in the popup (imported backups).
 */
const root = resolve(__dirname, '../..');
const DIRS = ['entrypoints', 'components', 'utils'];

/** Sinks that parse a string as HTML or code. */
const SINKS: Array<[string, RegExp]> = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['document.write', /\bdocument\.write(ln)?\s*\(/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|jsx|mjs|html)$/.test(name) ? [path] : [];
  });
}

describe('no HTML injection', () => {
  const files = DIRS.flatMap((d) => sourceFiles(join(root, d)));

  it('finds the extension sources', () => {
    expect(files.some((f) => f.endsWith(join('entrypoints', 'content', 'card-ui.tsx')))).toBe(true);
    expect(files.length).toBeGreaterThan(30);
  });

  it('no source file uses a sink that parses strings as HTML or code', () => {
    const found: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const [name, re] of SINKS) if (re.test(line)) found.push(`${relative(root, file)}:${i + 1}: ${name}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the check itself catches each sink', () => {
    const samples = ['el.innerHTML = text', 'x.outerHTML', '<div dangerouslySetInnerHTML={{ __html: t }} />', 'el.insertAdjacentHTML("beforeend", t)', 'range.createContextualFragment(t)', 'document.write(t)', 'new DOMParser()', 'frame.srcdoc = t', 'eval(t)', 'new Function(t)'];
    for (const s of samples) expect(SINKS.some(([, re]) => re.test(s)), s).toBe(true);
    expect(SINKS.some(([, re]) => re.test('el.textContent = text; retrieval(x)'))).toBe(false);
  });
});
