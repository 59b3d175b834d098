// What every page loads: the built content scripts. Chromium keeps no code cache for them, so each
// page compiles them again (the page bench prints what that costs); the document_start script runs
// before the page is parsed. These guard against the two things that once made them larger than
// they need be: the DOM detection pulled into the document_start script by its address check, and
// WXT's storage package (with its dependencies) in both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDir } from './helpers.mjs';

/** Strings only the DOM detection's word lists hold (a furniture word, a Chinese portals' body class). */
const DETECTION_ONLY = ['outbrain', 'TRS_Editor'];
/** Strings of WXT's storage package: its item API and its error for a missing permission. */
const STORAGE_PACKAGE = ['defineItem', 'wxt/storage'];

for (const target of ['chrome', 'firefox']) {
  const dir = join(extensionDir(target), 'content-scripts');
  const built = existsSync(join(dir, 'content.js'));
  test(`${target}: the document_start script carries no DOM detection, and no content script WXT's storage package`, { skip: built ? false : `no build in ${dir}` }, () => {
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
}
