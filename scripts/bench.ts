/**
 * `npm run bench`: benchmarks with ours and a peer or floor side by side in one run, printed as
 * tables with ratios and the goals beside them (no wall-clock limits live in unit tests).
 * Sections, in order: recognizer (Node), page (real Chromium), kb-scale (real Chromium, IndexedDB),
 * popup (real Chromium, the built extension).
 * `npm run bench -- --only page[,kb-scale]` runs a selection. BENCH_ROUNDS raises the run counts.
 */
const SECTIONS: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  recognizer: () => import('./bench/recognizer.ts'),
  page: () => import('./bench/page.ts'),
  'kb-scale': () => import('./bench/kb-scale.ts'),
  popup: () => import('./bench/popup.ts'),
};

const args = process.argv.slice(2);
const onlyAt = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
const only = onlyAt < 0 ? null : (args[onlyAt].includes('=') ? args[onlyAt].split('=')[1] : args[onlyAt + 1] ?? '').split(',').filter(Boolean);
const unknown = (only ?? []).filter((s) => !(s in SECTIONS));
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}

for (const name of Object.keys(SECTIONS)) {
  if (only && !only.includes(name)) continue;
  const t0 = Date.now();
  await (await SECTIONS[name]()).run();
  console.log(`\n(${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
