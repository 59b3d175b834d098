/**
 * The reader's work in formats other tools read: notes as Markdown (to paste into a draft),
 * figures as CSV (to check in a spreadsheet), notes as W3C Web Annotations (for annotation tools).
 * Read only; each export is one read transaction, so it is a consistent picture.
 */
import type { DossierDb } from './db';
import type { ArticleRecord, EntityRecord, FigureRecord, NoteRecord } from './types';

/** The notes with what they are attached to, newest first (last edit, then id). */
interface NotesWithTargets {
  notes: NoteRecord[];
  entities: Map<number, EntityRecord>;
  articles: Map<number, ArticleRecord>;
  figures: Map<number, FigureRecord>;
}

function byId<T extends { id?: number }>(records: Array<T | undefined>): Map<number, T> {
  const map = new Map<number, T>();
  for (const r of records) if (r?.id !== undefined) map.set(r.id, r);
  return map;
}

async function loadNotes(db: DossierDb): Promise<NotesWithTargets> {
  return db.transaction('r', [db.notes, db.entities, db.articles, db.figures], async () => {
    const notes = (await db.notes.toArray()).sort((x, y) => y.updatedAt - x.updatedAt || y.id! - x.id!);
    const idsOf = (kinds: string[]) => [...new Set(notes.filter((n) => kinds.includes(n.target.kind)).map((n) => n.target.id))];
    const figures = byId(await db.figures.bulkGet(idsOf(['figure'])));
    const articleIds = [...new Set([...idsOf(['article', 'quote']), ...[...figures.values()].map((f) => f.articleId)])];
    return { notes, figures, entities: byId(await db.entities.bulkGet(idsOf(['entity']))), articles: byId(await db.articles.bulkGet(articleIds)) };
  });
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Markdown

/** Text shown literally in Markdown: emphasis, links, code, HTML and table marks are escaped. */
function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** A reader's note as Markdown paragraphs: line starts that would make headings or lists are escaped, line breaks kept. */
function mdBlock(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^(\s*)(#|=|-|\+|\d+(?=[.)]))/, '$1\\$2'));
  return lines.map((line, i) => (line.trim() && lines[i + 1]?.trim() ? `${line}\\` : line)).join('\n');
}

/** `[title](<url>)` for http(s) addresses; anything else (javascript: …) stays plain text. */
function mdLink(title: string, url: string): string {
  const label = mdInline(title || url);
  if (!/^https?:\/\//i.test(url)) return `${label} (${mdInline(url)})`;
  return `[${label}](<${url.replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\s/g, '%20')}>)`;
}

const mdQuote = (text: string) => text.split(/\r?\n/).map((line) => `> ${mdInline(line)}`.trimEnd()).join('\n');

const kindName = (e: EntityRecord) => (e.type === 'person' ? 'Person' : 'Agency');

/** The heading and lines that say what a group of notes is attached to. */
function mdGroupHead(n: NoteRecord, t: NotesWithTargets): string[] {
  const target = n.target;
  if (target.kind === 'entity') {
    const e = t.entities.get(target.id);
    if (!e) return [`## (entity ${target.id}, no longer in Dossier)`];
    const aliases = e.aliases.length ? ` · also ${e.aliases.map(mdInline).join(', ')}` : '';
    return [`## ${mdInline(e.name)}`, '', `*${kindName(e)}${aliases}*`];
  }
  if (target.kind === 'figure') {
    const f = t.figures.get(target.id);
    if (!f) return [`## (figure ${target.id}, no longer in Dossier)`];
    const a = t.articles.get(f.articleId);
    const where = a ? `In ${mdLink(a.title, a.url)}${f.date ? ` · ${mdInline(f.date)}` : ''}` : '';
    const value = `${f.modifier ? `${f.modifier} ` : ''}${f.value}${f.unit ? ` ${f.unit}` : ''}`;
    return [`## ${mdInline(f.exact)} — ${mdInline(f.label || 'figure')}`, '', `*${mdInline(value)}*${where ? ` · ${where}` : ''}`, '', mdQuote(f.sentence)];
  }
  const a = t.articles.get(target.id);
  if (!a) return [`## (article ${target.id}, no longer in Dossier)`];
  return [`## ${mdLink(a.title, a.url)}`, '', `*${mdInline(a.site)}${a.publishedAt ? ` · ${mdInline(a.publishedAt)}` : ''}*`];
}

const groupKey = (n: NoteRecord) => `${n.target.kind === 'quote' ? 'article' : n.target.kind}:${n.target.id}`;

/**
 * The notes as one Markdown document, grouped by what they are attached to (an entity by name, an
 * article by linked title with its quoted passages as Markdown quotes, a figure by value and label),
 * newest group and newest note first. Note text is escaped so it reads as written.
 */
export async function notesToMarkdown(db: DossierDb): Promise<string> {
  const t = await loadNotes(db);
  const groups = new Map<string, NoteRecord[]>();
  for (const n of t.notes) {
    const key = groupKey(n);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(n);
  }
  const out: string[] = ['# Dossier notes', ''];
  if (t.notes.length === 0) out.push('*No notes yet.*', '');
  for (const notes of groups.values()) {
    out.push(...mdGroupHead(notes[0], t), '');
    for (const n of notes) {
      if (n.target.kind === 'quote') out.push(mdQuote(n.target.exact), '');
      out.push(`**${day(n.updatedAt)}**`, '', mdBlock(n.text), '');
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Columns of the figures CSV, in order. */
export const FIGURE_COLUMNS = ['article_title', 'url', 'date', 'value', 'unit', 'modifier', 'label', 'exact', 'sentence'] as const;

/**
 * One CSV field (RFC 4180: quoted when it holds a quote, comma or line break; quotes doubled).
 * Text starting with = + - @ (or a tab or CR) gets a leading `'` so a spreadsheet shows it
 * instead of running it as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Every figure, one row each (by figure id): its article's title and URL, the date, value, unit,
 * modifier, label, the exact text and its sentence. CRLF line ends; a UTF-8 byte-order mark by
 * default so Excel reads Chinese text right. The value column is a number written by Dossier, so
 * a negative one stays a number (no `'`): only text can carry a formula.
 */
export async function figuresToCsv(db: DossierDb, options: { bom?: boolean } = {}): Promise<string> {
  const { figures, articles } = await db.transaction('r', [db.figures, db.articles], async () => {
    const figures = await db.figures.toArray();
    return { figures, articles: byId(await db.articles.bulkGet([...new Set(figures.map((f) => f.articleId))])) };
  });
  const rows = [FIGURE_COLUMNS.join(',')];
  for (const f of figures) {
    const a = articles.get(f.articleId);
    const value = Number.isFinite(f.value) ? String(f.value) : '';
    const text = [a?.title ?? '', a?.url ?? '', f.date ?? a?.publishedAt ?? ''].map(csvCell);
    rows.push([...text, value, ...[f.unit, f.modifier ?? '', f.label, f.exact, f.sentence].map(csvCell)].join(','));
  }
  return `${options.bom === false ? '' : '\uFEFF'}${rows.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// W3C Web Annotations

/** The JSON-LD context of the Web Annotation data model. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  /** `commenting` for the note itself; `identifying`/`describing` for what an entity or figure note is about. */
  purpose: 'commenting' | 'identifying' | 'describing';
}

export interface SpecificResource {
  type: 'SpecificResource';
  /** The article's URL, or a `urn:dossier:…` IRI for what has no URL of its own (an entity). */
  source: string;
  selector?: TextQuoteSelector;
}

export interface Annotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  created: string;
  modified: string;
  body: TextualBody | TextualBody[];
  target: SpecificResource;
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

/** A `urn:dossier:<kind>:<name>` IRI; percent-encoded, colons kept. */
const urn = (kind: string, name: string) => `urn:dossier:${kind}:${encodeURIComponent(name).replace(/%3A/gi, ':')}`;

const bodyOf = (value: string, purpose: TextualBody['purpose']): TextualBody => ({ type: 'TextualBody', value, format: 'text/plain', purpose });

/** The figure's text with its sentence around it, as a quote selector. */
function figureSelector(f: FigureRecord): TextQuoteSelector {
  const at = f.sentence.indexOf(f.exact);
  if (at < 0) return { type: 'TextQuoteSelector', exact: f.exact };
  return { type: 'TextQuoteSelector', exact: f.exact, prefix: f.sentence.slice(0, at), suffix: f.sentence.slice(at + f.exact.length) };
}

function annotationOf(n: NoteRecord, t: NotesWithTargets): Annotation {
  const note = bodyOf(n.text, 'commenting');
  const base = { id: urn('note', String(n.id)), type: 'Annotation' as const, motivation: 'commenting' as const, created: new Date(n.createdAt).toISOString(), modified: new Date(n.updatedAt).toISOString() };
  const target = n.target;
  const articleSource = (id: number) => t.articles.get(id)?.url ?? urn('article', String(id));
  if (target.kind === 'entity') {
    const e = t.entities.get(target.id);
    const about = e ? bodyOf(`${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''} · ${e.type === 'person' ? 'person' : 'agency'}`, 'identifying') : null;
    const source = e ? urn('entity', e.key) : urn('entity', String(target.id));
    return { ...base, body: about ? [note, about] : note, target: { type: 'SpecificResource', source } };
  }
  if (target.kind === 'figure') {
    const f = t.figures.get(target.id);
    if (!f) return { ...base, body: note, target: { type: 'SpecificResource', source: urn('figure', String(target.id)) } };
    const about = bodyOf(`${f.exact} — ${f.label || 'figure'} (${f.modifier ? `${f.modifier} ` : ''}${f.value}${f.unit ? ` ${f.unit}` : ''})`, 'describing');
    return { ...base, body: [note, about], target: { type: 'SpecificResource', source: articleSource(f.articleId), selector: figureSelector(f) } };
  }
  if (target.kind === 'quote') {
    const selector: TextQuoteSelector = { type: 'TextQuoteSelector', exact: target.exact, prefix: target.prefix, suffix: target.suffix };
    return { ...base, body: note, target: { type: 'SpecificResource', source: articleSource(target.id), selector } };
  }
  return { ...base, body: note, target: { type: 'SpecificResource', source: articleSource(target.id) } };
}

/**
 * The notes as a W3C Web Annotation collection (JSON-LD, one page, newest first), so annotation
 * tools can read them. Every annotation has the note as a `commenting` TextualBody. Targets:
 * - article note: the article's URL;
 * - quote note: the article's URL with a TextQuoteSelector (exact, prefix, suffix);
 * - figure note: the article's URL with a TextQuoteSelector on the figure's text in its sentence,
 *   plus a `describing` body with value, unit and label;
 * - entity note: an entity has no URL, so the source is `urn:dossier:entity:<key>` (its key, e.g.
 *   `person:刘晓军`, is stable across profiles, unlike its id), plus an `identifying` body with its
 *   name, aliases and kind.
 * Annotation ids are `urn:dossier:note:<id>`: local to this profile.
 */
export async function notesToWebAnnotations(db: DossierDb): Promise<AnnotationCollection> {
  const t = await loadNotes(db);
  const items = t.notes.map((n) => annotationOf(n, t));
  return {
    '@context': ANNO_CONTEXT,
    id: 'urn:dossier:notes',
    type: 'AnnotationCollection',
    label: 'Dossier notes',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
