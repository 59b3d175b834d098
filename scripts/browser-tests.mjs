#!/usr/bin/env node
// `npm run test:browser`: builds both targets (unless told not to) and runs test/browser/*.test.mjs
// with node's test runner, one browser at a time, ending with node's standard summary.
//   --chromium | --firefox   only that browser      --no-build   use the existing .output (three builds)
//   --headed                 show the browser (needs DISPLAY)
//   DOSSIER_STUB=1           run against test/browser/stub-extension (harness self-test)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const only = args.has('--chromium') ? 'chromium' : args.has('--firefox') ? 'firefox' : null;
const stub = process.env.DOSSIER_STUB === '1';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command in the repo with inherited output; returns its exit status. */
function run(cmd, cmdArgs, env = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

const builds = [
  { browser: 'chromium', script: 'build', out: '.output/chrome-mv3' },
  { browser: 'firefox', script: 'build:firefox', out: '.output/firefox-mv2' },
  // The same Firefox build painting by wrapping, as where the Highlight API is missing (wrap-fallback.test.mjs).
  { browser: 'firefox', script: 'build:firefox:fallback', out: '.output/firefox-mv2-fallback' },
].filter((b) => !only || b.browser === only);

if (!stub) {
  for (const b of builds) {
    const skipBuild = args.has('--no-build') || process.env.DOSSIER_SKIP_BUILD === '1';
    if (!skipBuild) {
      console.log(`\n── npm run ${b.script}`);
      if (run(npm, ['run', '--silent', b.script]) !== 0) process.exit(1);
    }
    if (!existsSync(join(root, b.out, 'manifest.json'))) {
      console.error(`missing ${b.out}/manifest.json: run npm run ${b.script}`);
      process.exit(1);
    }
  }
}

// The stub fulfils only the observable contract, so it runs only the contract tests.
const STUB_FILES = ['chromium.test.mjs', 'firefox.test.mjs', 'serve.test.mjs'];
const dir = join(root, 'test/browser');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => !stub || STUB_FILES.includes(f))
  .sort()
  .map((f) => join('test/browser', f));

console.log(`\n── browser tests${stub ? ' (stub extension)' : ''}: ${files.join(', ')}`);
const status = run(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
  DOSSIER_HEADED: args.has('--headed') ? '1' : process.env.DOSSIER_HEADED ?? '',
  DOSSIER_ONLY: only ?? process.env.DOSSIER_ONLY ?? '',
});
process.exit(status);
