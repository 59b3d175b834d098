#!/usr/bin/env node
// Renders public/icon.svg to the PNG sizes the manifest lists (public/icon/<size>.png) with
// headless Chromium, so the icon has one source of truth and no image tool to install.
//   node scripts/render-icons.mjs [--preview out.png]   (--preview: all sizes side by side on light and dark)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findBrowser } from './lib/browsers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The sizes Chrome and Firefox ask for (toolbar 16/32, extensions page 48, store 128). */
const ICON_SIZES = [16, 32, 48, 128];

const exe = findBrowser().chromium;
if (!exe) {
  console.error('render-icons needs Chromium (set CHROMIUM_PATH)');
  process.exit(1);
}
const svg = readFileSync(join(root, 'public/icon.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(join(root, 'public/icon'), { recursive: true });
  const pngs = {};
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(root, `public/icon/${size}.png`), png);
    pngs[size] = `data:image/png;base64,${png.toString('base64')}`;
    console.log(`public/icon/${size}.png`);
  }
  const previewAt = process.argv.indexOf('--preview');
  if (previewAt > 0) {
    const out = resolve(process.argv[previewAt + 1] ?? '.output/icon-preview.png');
    // The PNGs as shipped, then 16 and 32 blown up pixel for pixel: how the toolbar really sees it.
    const zoom = (s) => `<img src="${pngs[s]}" style="width:${s * (128 / s)}px;height:128px;image-rendering:pixelated">`;
    const row = (bg) =>
      `<div style="display:flex;gap:20px;align-items:end;padding:14px;background:${bg}">${ICON_SIZES.map(
        (s) => `<img src="${pngs[s]}" width="${s}" height="${s}">`,
      ).join('')}${zoom(16)}${zoom(32)}</div>`;
    await page.setViewportSize({ width: 640, height: 312 });
    await page.setContent(`<html><body style="margin:0">${row('#ffffff')}${row('#202124')}</body></html>`);
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`preview: ${out}`);
  }
} finally {
  await browser.close();
}
