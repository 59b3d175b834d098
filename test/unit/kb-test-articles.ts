import type { ArticleInput } from '@/utils/messages';
import type { Mention } from '@/utils/recognize/types';

/** Builds an article and its mentions from marked text: [[p:name|titles|org]] [[o:name]] [[n:55个|55|个]]. */
export function article(url: string, marked: string, publishedAt = '2024-02-07'): { input: ArticleInput; mentions: Mention[] } {
  const mentions: Mention[] = [];
  let text = '';
  for (const part of marked.split(/(\[\[[^\]]+\]\])/)) {
    const m = /^\[\[(\w):([^|\]]+)(?:\|([^|\]]*))?(?:\|([^|\]]*))?\]\]$/.exec(part);
    if (!m) { text += part; continue; }
    const [, kind, name, a, b] = m;
    const start = text.length;
    text += name;
    const base = { start, end: text.length, text: name };
    if (kind === 'p') mentions.push({ ...base, type: 'person', titles: a ? a.split(',') : [], org: b || null, official: !!a });
    else if (kind === 'o') mentions.push({ ...base, type: 'org', kind: 'gov' });
    else mentions.push({ ...base, type: 'number', value: Number(a), unit: b ?? '' });
  }
  return { input: { url, canonicalUrl: null, siteName: '焦作新闻网', title: text.slice(0, 12), publishedAt, lang: 'zh', text }, mentions };
}
