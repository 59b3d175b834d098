import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DossierDb } from '@/utils/kb/db';
import { addAlias } from '@/utils/kb/entity-ops';
import { csvCell, figuresToCsv, notesToMarkdown, notesToWebAnnotations } from '@/utils/kb/export-formats';
import { addNote } from '@/utils/kb/notes';
import { entityKey, recordReading } from '@/utils/kb/record-reading';
import type { ArticleInput } from '@/utils/messages';
import type { Mention } from '@/utils/recognize/types';

/** An article read on 2024-02-07 with 刘晓军, his bureau and one figure (55个). */
function article(): { input: ArticleInput; mentions: Mention[] } {
  const text = '市自然资源和规划局党组书记、局长刘晓军出席活动。全年办理建设工程规划许可证55个。';
  const at = (s: string) => text.indexOf(s);
  return {
    input: { url: 'https://news.example.com/a01.html', canonicalUrl: null, siteName: '焦作新闻网', title: '领导讲业务 [千人] 大培训', publishedAt: '2024-02-07', lang: 'zh', text },
    mentions: [
      { type: 'org', kind: 'gov', start: 0, end: 9, text: '市自然资源和规划局' },
      { type: 'person', start: at('刘晓军'), end: at('刘晓军') + 3, text: '刘晓军', titles: ['党组书记', '局长'], org: '市自然资源和规划局', official: true },
      { type: 'number', start: at('55个'), end: at('55个') + 3, text: '55个', value: 55, unit: '个' },
    ],
  };
}

let db: DossierDb;
let ids: { article: number; liu: number; figure: number };
const day = (d: string) => Date.parse(`${d}T12:00:00Z`);

beforeEach(async () => {
  db = new DossierDb(`kb-formats-${Math.random()}`);
  const a = article();
  const { articleId } = await recordReading(db, a.input, a.mentions, day('2024-02-07'));
  const liu = (await db.entities.where('key').equals(entityKey('person', '刘晓军')).first())!.id!;
  await addAlias(db, liu, '刘局长');
  ids = { article: articleId, liu, figure: (await db.figures.toArray())[0].id! };
});
afterEach(async () => {
  await db.delete();
});

async function addAllKindsOfNotes() {
  await addNote(db, { kind: 'entity', id: ids.liu }, '2023 年起任局长', day('2024-02-08'));
  await addNote(db, { kind: 'article', id: ids.article }, '关于规划许可证的报道', day('2024-02-09'));
  await addNote(db, { kind: 'figure', id: ids.figure }, '比去年多 7 个', day('2024-02-10'));
  await addNote(db, { kind: 'quote', id: ids.article, exact: '出席活动', prefix: '局长刘晓军', suffix: '。全年' }, '哪一次活动？\n# 不是标题\n- 也不是列表', day('2024-02-11'));
  await addNote(db, { kind: 'entity', id: ids.liu }, '*重点* <b>关注</b>', day('2024-02-12'));
}

describe('notes as Markdown', () => {
  it('groups notes by what they are attached to, newest first, with links, quotes and figures', async () => {
    await addAllKindsOfNotes();
    expect(await notesToMarkdown(db)).toBe(
      [
        '# Dossier notes',
        '',
        '## 刘晓军',
        '',
        '*Person · also 刘局长*',
        '',
        '**2024-02-12**',
        '',
        '\\*重点\\* \\<b\\>关注\\</b\\>',
        '',
        '**2024-02-08**',
        '',
        '2023 年起任局长',
        '',
        '## [领导讲业务 \\[千人\\] 大培训](<https://news.example.com/a01.html>)',
        '',
        '*news.example.com · 2024-02-07*',
        '',
        '> 出席活动',
        '',
        '**2024-02-11**',
        '',
        '哪一次活动？\\',
        '\\# 不是标题\\',
        '\\- 也不是列表',
        '',
        '**2024-02-09**',
        '',
        '关于规划许可证的报道',
        '',
        '## 55个 — 建设工程规划许可证',
        '',
        '*55 个* · In [领导讲业务 \\[千人\\] 大培训](<https://news.example.com/a01.html>) · 2024-02-07',
        '',
        '> 全年办理建设工程规划许可证55个。',
        '',
        '**2024-02-10**',
        '',
        '比去年多 7 个',
        '',
      ].join('\n'),
    );
  });

  it('says so when there are no notes, and never links a javascript: address', async () => {
    expect(await notesToMarkdown(db)).toBe('# Dossier notes\n\n*No notes yet.*\n');
    await db.articles.update(ids.article, { url: 'javascript:alert(1)' });
    await addNote(db, { kind: 'article', id: ids.article }, '可疑链接', 1);
    const md = await notesToMarkdown(db);
    expect(md).toContain('## 领导讲业务 \\[千人\\] 大培训 (javascript:alert(1))');
    expect(md).not.toContain('](');
  });
});

/** Reads RFC 4180 CSV back into rows, to check the quoting round-trips. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && csv[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

describe('figures as CSV', () => {
  it('one row per figure with its article, RFC 4180 quoting and CRLF line ends', async () => {
    const csv = await figuresToCsv(db, { bom: false });
    expect(csv).toBe(
      'article_title,url,date,value,unit,modifier,label,exact,sentence\r\n' +
        '领导讲业务 [千人] 大培训,https://news.example.com/a01.html,2024-02-07,55,个,,建设工程规划许可证,55个,全年办理建设工程规划许可证55个。\r\n',
    );
    expect((await figuresToCsv(db)).startsWith('\uFEFFarticle_title,')).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and defuses formulas in text but not in numbers', async () => {
    await db.articles.update(ids.article, { title: '=HYPERLINK("http://evil.example","点我")' });
    await db.figures.add({
      articleId: ids.article, start: 0, end: 3, value: -3.5, unit: '万元', modifier: '+约', label: '@SUM(A1:A9)',
      exact: '-3.5万元', sentence: '减少 "3.5" 万元,\n同比下降。', date: null,
    });
    const rows = parseCsv(await figuresToCsv(db, { bom: false }));
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual([
      `'=HYPERLINK("http://evil.example","点我")`, 'https://news.example.com/a01.html', '2024-02-07', '-3.5', '万元', "'+约", "'@SUM(A1:A9)", "'-3.5万元", '减少 "3.5" 万元,\n同比下降。',
    ]);
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('普通文本')).toBe('普通文本');
  });
});

describe('notes as W3C Web Annotations', () => {
  it('an AnnotationCollection of commenting annotations, newest first, with quote selectors on the article URL', async () => {
    await addAllKindsOfNotes();
    const doc = await notesToWebAnnotations(db);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(doc).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 5, first: { type: 'AnnotationPage', startIndex: 0 } });
    const [latest, quote, figure, articleNote, entity] = doc.first.items;
    for (const a of doc.first.items) expect(a).toMatchObject({ type: 'Annotation', motivation: 'commenting', id: expect.stringMatching(/^urn:dossier:note:\d+$/) });

    expect(quote).toMatchObject({
      created: '2024-02-11T12:00:00.000Z',
      body: { type: 'TextualBody', value: '哪一次活动？\n# 不是标题\n- 也不是列表', format: 'text/plain', purpose: 'commenting' },
      target: { type: 'SpecificResource', source: 'https://news.example.com/a01.html', selector: { type: 'TextQuoteSelector', exact: '出席活动', prefix: '局长刘晓军', suffix: '。全年' } },
    });
    expect(articleNote.target).toEqual({ type: 'SpecificResource', source: 'https://news.example.com/a01.html' });
    expect(figure.target).toEqual({
      type: 'SpecificResource',
      source: 'https://news.example.com/a01.html',
      selector: { type: 'TextQuoteSelector', exact: '55个', prefix: '全年办理建设工程规划许可证', suffix: '。' },
    });
    expect(figure.body).toEqual([
      expect.objectContaining({ value: '比去年多 7 个', purpose: 'commenting' }),
      expect.objectContaining({ value: '55个 — 建设工程规划许可证 (55 个)', purpose: 'describing' }),
    ]);
    const entitySource = `urn:dossier:entity:person:${encodeURIComponent('刘晓军')}`;
    for (const e of [latest, entity]) expect(e.target).toEqual({ type: 'SpecificResource', source: entitySource });
    expect(entity.body).toEqual([
      expect.objectContaining({ value: '2023 年起任局长', purpose: 'commenting' }),
      expect.objectContaining({ value: '刘晓军 (刘局长) · person', purpose: 'identifying' }),
    ]);
  });
});
