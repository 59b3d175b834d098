// What every page loads: the built content scripts. Chromium keeps no code cache for them, so each
// page compiles them again (the page bench prints what that costs); the document_start script runs
// before the page is parsed. These guard against the things that once made them larger than they
// need be: the DOM detection pulled into the document_start script by its address check, WXT's
// storage package (with its dependencies) in both, and the popup's and options' strings in the
// content script, whose one UI is the entity card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir } from './helpers.mjs';

/** Strings only the DOM detection's word lists hold (a furniture word, a Chinese portals' body class). */
const DETECTION_ONLY = ['outbrain', 'TRS_Editor'];
/** Strings of WXT's storage package: its item API and its error for a missing permission. */
const STORAGE_PACKAGE = ['defineItem', 'wxt/storage'];

/** Every UI string in English by key (public/_locales, written from the catalog), and the keys of the card's own. */
const MESSAGES = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'));
const CARD_KEYS = new Set([...readFileSync(new URL('../../utils/i18n/card-catalog.ts', import.meta.url), 'utf8').matchAll(/^ {2}(\w+): \{/gm)].map((m) => m[1]));
/** A string as the bundle spells it: long enough to be told apart, nothing a minifier would escape. */
const findable = (text) => text.length >= 16 && !/['"\\$\n]/.test(text);

for (const target of ['chrome', 'firefox']) {
  const dir = join(extensionDir(target), 'content-scripts');
  const skip = existsSync(join(dir, 'content.js')) ? false : `no build in ${dir}`;
  test(`${target}: the document_start script carries no DOM detection, and no content script WXT's storage package`, { skip }, () => {
    const early = readFileSync(join(dir, 'highlight-style.js'), 'utf8');
    const main = readFileSync(join(dir, 'content.js'), 'utf8');
    for (const s of DETECTION_ONLY) {
      assert.ok(main.includes(s), `content.js has the detection (${s}): the marker still names it`);
      assert.ok(!early.includes(s), `highlight-style.js holds the DOM detection (${s})`);
    }
    for (const s of STORAGE_PACKAGE) {
      assert.ok(!early.includes(s), `highlight-style.js holds WXT's storage package (${s})`);
      assert.ok(!main.includes(s), `content.js holds WXT's storage package (${s})`);
    }
  });

  test(`${target}: the content script carries the entity card's strings and none of the popup's or options'`, { skip }, () => {
    const main = readFileSync(join(dir, 'content.js'), 'utf8');
    assert.ok(CARD_KEYS.size > 20, `the card's keys were read (${CARD_KEYS.size})`);
    const card = Object.entries(MESSAGES).filter(([key, m]) => CARD_KEYS.has(key) && findable(m.message));
    const others = Object.entries(MESSAGES).filter(([key, m]) => !CARD_KEYS.has(key) && findable(m.message));
    assert.ok(card.length >= 5 && others.length >= 50, `enough strings to tell (${card.length} of the card's, ${others.length} others)`);
    for (const [key, m] of card) assert.ok(main.includes(m.message), `content.js lacks the card's ${key}: ${m.message}`);
    const carried = others.filter(([, m]) => main.includes(m.message)).map(([key]) => key);
    assert.deepEqual(carried, [], 'content.js carries strings of the popup or options');
  });
}
