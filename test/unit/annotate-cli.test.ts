import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
/** Runs `npm run annotate -- …` as a user would (tsx scripts/annotate.ts). */
const annotate = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/annotate.ts', ...args], { cwd: root, encoding: 'utf8' });
const PAGE = 'test/fixtures/jiaozuo-2024-02/html/a01-leaders-lecture.html';

describe('annotate page, the command line', () => {
  it('says what is wrong with a URL that is not one, and exits 2 with nothing on stdout', () => {
    const r = annotate('page', PAGE, '--url', 'null');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--url: not an absolute URL: "null"/);
  });

  it('says which file it cannot read', () => {
    const r = annotate('page', 'no/such/page.html');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read no\/such\/page\.html/);
  });

  it('annotates a bundled page given a news URL', () => {
    const r = annotate('page', PAGE, '--url', 'https://www.jiaozuo.gov.cn/2024-02/07/content_1.html');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.isArticle).toBe(true);
    expect(out.entities.some((e: { type: string }) => e.type === 'person')).toBe(true);
  });
});
