/**
 * The popup's time to first render, in real Chromium with the built extension: the Notes view with
 * 5,000 notes and the Knowledge view with 20,000 entities, beside the same views on an empty
 * knowledge base. Lists are paged, so the goal is a ratio full/empty ≤ 2.
 * The data goes in through the extension's own import (a generated backup), names taken from the
 * development data when present.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
// @ts-expect-error: plain .mjs helper without types
import { launchChromium } from '../lib/browsers.mjs';
import { dataDir, median, ms, readTexts, root, rounds, row } from './common.ts';

const ENTITIES = 20_000;
const NOTES = 5_000;

/** Distinct realistic names: Chinese two- and three-character runs from the dev texts, else synthetic. */
function names(count: number): string[] {
  const texts = ['peoples-daily-dev.jsonl', 'pku1998-dev.jsonl', 'cluener-dev.jsonl'].flatMap((f) => readTexts(join(dataDir, f)));
  const seen = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/[\u4e00-\u9fff]{2,4}/g)) {
      seen.add(m[0]);
      if (seen.size >= count) return [...seen];
    }
  }
  for (let i = 0; seen.size < count; i++) seen.add(`机构${i.toString(36)}`);
  return [...seen];
}

/** A backup file with `entities` entities (half people, half agencies), one article and `notes` notes on them. */
function backupText(entities: number, notes: number): string {
  const list = names(entities);
  const day = '2024-02-07';
  const now = Date.UTC(2024, 1, 7);
  const tables = {
    articles: [{ id: 1, url: 'https://news.example.com/bench.html', site: 'news.example.com', title: '基准文章', publishedAt: day, firstReadAt: now, readAt: now, lang: 'zh', hash: '0123456789abcdef', textLength: 100, mentionCount: 0 }],
    entities: list.map((name, i) => ({
      id: i + 1, key: `${i % 2 ? 'org' : 'person'}:${name}`, type: i % 2 ? 'org' : 'person', name, aliases: [], ...(i % 2 ? { kind: 'gov' } : {}),
      titles: [], articleCount: (i * 7919) % 50, mentionCount: 0, firstSeen: day, lastSeen: day, ignored: false,
    })),
    mentions: [],
    figures: [],
    cooccurrences: [],
    notes: Array.from({ length: notes }, (_, i) => ({ id: i + 1, target: { kind: 'entity', id: (i % entities) + 1 }, text: `笔记 ${i}：${list[i % list.length]}的职务变化`, createdAt: now + i, updatedAt: now + i })),
  };
  const counts = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.length]));
  return JSON.stringify({ format: 'dossier-backup', formatVersion: 1, schemaVersion: 2, exportedAt: new Date(now).toISOString(), counts, tables });
}

/** Milliseconds from clicking a tab to its list (or empty state) being on screen. */
async function timeView(page: Page, popupUrl: string, tab: 'notes' | 'knowledge'): Promise<number> {
  await page.goto(popupUrl);
  await page.waitForSelector('main[data-ready="true"]');
  // A string, not a function: tsx would wrap named inner functions in helpers the page lacks.
  return page.evaluate(`(async () => {
    const panel = () => document.querySelector('#tab-panel');
    const done = () => { const p = panel(); return !!p && !p.querySelector('[role="status"]') && (!!p.querySelector('ul li') || !!p.querySelector('p.muted')); };
    const t0 = performance.now();
    document.querySelector('[data-testid="tab-${tab}"]').click();
    await new Promise((resolve) => { const check = () => (done() ? resolve() : requestAnimationFrame(check)); check(); });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  })()`) as Promise<number>;
}

async function measure(seed: string | null): Promise<{ notes: number; knowledge: number }> {
  const chrome = await launchChromium(join(root, '.output', 'chrome-mv3'), { headless: true });
  try {
    const page: Page = await chrome.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(chrome.popupUrl);
    await page.waitForSelector('main[data-ready="true"]');
    if (seed) {
      const reply = await page.evaluate((text) => chrome.runtime.sendMessage({ dossier: 1, type: 'importBackup', data: { text, mode: 'replace' } }), seed);
      if (!reply?.ok || !reply.value.ok) throw new Error(`seeding failed: ${JSON.stringify(reply).slice(0, 300)}`);
    }
    const n = rounds(7);
    const notes: number[] = [];
    const knowledge: number[] = [];
    await timeView(page, chrome.popupUrl, 'notes'); // warm-up
    for (let i = 0; i < n; i++) {
      notes.push(await timeView(page, chrome.popupUrl, 'notes'));
      knowledge.push(await timeView(page, chrome.popupUrl, 'knowledge'));
    }
    return { notes: median(notes), knowledge: median(knowledge) };
  } finally {
    await chrome.close();
  }
}

/** Prints the popup table. */
export async function run(): Promise<void> {
  console.log(`\n# Popup first render (real Chromium, built extension; median ms from tab click to the list on screen)\n`);
  if (!existsSync(join(root, '.output', 'chrome-mv3', 'manifest.json'))) {
    console.log('skipped: run `npm run build` first');
    return;
  }
  const empty = await measure(null);
  const full = await measure(backupText(ENTITIES, NOTES));
  row(['view', 'empty', `full (${NOTES} notes, ${ENTITIES} entities)`, 'ratio', 'goal']);
  row(['---', '---', '---', '---', '---']);
  row(['Notes', ms(empty.notes), ms(full.notes), `${(full.notes / empty.notes).toFixed(2)}×`, '≤ 2']);
  row(['Knowledge', ms(empty.knowledge), ms(full.knowledge), `${(full.knowledge / empty.knowledge).toFixed(2)}×`, '≤ 2']);
}


