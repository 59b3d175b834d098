/**
 * A plain Chromium (no extension) for in-page benchmarks: a throwaway profile, offline flags,
 * precise heap numbers and `gc()` so retained memory can be read after a collection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
// @ts-expect-error: plain .mjs helper without types
import { findBrowser, QUIET_CHROMIUM_ARGS } from '../lib/browsers.mjs';

/** The quiet, offline flags every launch here uses, plus precise heap numbers and gc() for the memory reading. */
const ARGS = [...(QUIET_CHROMIUM_ARGS as string[]), '--enable-precise-memory-info', '--js-flags=--expose-gc'];

/**
 * Launches headless Chromium on a fresh profile (removed by `close`), or null when none is installed.
 * `jsFlags`: more V8 flags (the page bench's diagnostic run turns the optimizing compilers off).
 */
export async function launchPlainChromium(jsFlags = ''): Promise<{ context: BrowserContext; close: () => Promise<void>; version: string } | null> {
  const exe = findBrowser().chromium as string | null;
  if (!exe) return null;
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  const args = jsFlags ? ARGS.map((arg) => (arg.startsWith('--js-flags=') ? `${arg} ${jsFlags}` : arg)) : ARGS;
  const context = await chromium.launchPersistentContext(profile, { executablePath: exe, headless: true, args, viewport: { width: 1280, height: 900 } });
  const version = context.browser()?.version() ?? '?';
  return {
    context,
    version,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
