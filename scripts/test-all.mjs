#!/usr/bin/env node
// `npm test`: every check the project has, cheapest first, stopping at the first failure so
// the output ends at the thing to fix. Last line: "N passed, N failed" (stages, not tests).
//   npm test -- --from <n>   start at stage n (1-based), e.g. to rerun the browser tests after a fix
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Tools stay offline: no update checks against a registry during a test run.
const env = { ...process.env, NO_UPDATE_NOTIFIER: '1', DOSSIER_SKIP_BUILD: '1' };

/** TypeScript 7 ships `tsc`; older 7.x previews shipped `tsgo`. Use whichever is installed. */
function typeChecker() {
  for (const name of ['tsc', 'tsgo']) if (existsSync(bin(name))) return [bin(name), ['--noEmit']];
  return ['npx', ['--no-install', 'tsc', '--noEmit']];
}

/** The stages in order; each is a command run in the repo with its output shown as it comes. */
const stages = [
  { name: 'type check (tsc --noEmit)', cmd: typeChecker() },
  { name: 'unit tests (vitest run)', cmd: [bin('vitest'), ['run']] },
  { name: 'build Chrome MV3 (npm run build)', cmd: [npm, ['run', '--silent', 'build']] },
  { name: 'build Firefox MV2 (npm run build:firefox)', cmd: [npm, ['run', '--silent', 'build:firefox']] },
  { name: 'build Firefox MV2 painting by wrapping (npm run build:firefox:fallback)', cmd: [npm, ['run', '--silent', 'build:firefox:fallback']] },
  {
    name: 'web-ext lint (.output/firefox-mv2)',
    cmd: [bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv2', '--no-config-discovery', '--no-input']],
  },
  { name: 'browser tests (Chromium, Firefox)', cmd: [process.execPath, ['scripts/browser-tests.mjs', '--no-build']] },
];

const fromAt = process.argv.indexOf('--from');
const first = fromAt > 0 ? Math.max(1, Number(process.argv[fromAt + 1]) || 1) - 1 : 0;
if (first > 0) console.log(`starting at stage ${first + 1}: ${stages.slice(0, first).map((s) => s.name).join(', ')} not run`);

const results = [];
for (const [i, stage] of stages.entries()) {
  if (i < first) continue;
  console.log(`\n━━━ [${i + 1}/${stages.length}] ${stage.name} ━━━`);
  const started = Date.now();
  const [cmd, args] = stage.cmd;
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  const ok = r.status === 0;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name: stage.name, ok, secs });
  if (!ok) {
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
    console.log(`\n✖ ${stage.name} failed (${why}); stopping here.`);
    break;
  }
}

console.log('\n━━━ summary ━━━');
for (const r of results) console.log(`${r.ok ? '✔' : '✖'} ${r.name}  (${r.secs} s)`);
for (const s of stages.slice(first + results.length)) console.log(`- ${s.name}  (not run)`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
