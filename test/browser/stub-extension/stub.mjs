// Writes the stub extension with the manifest a browser expects (MV3 service worker for
// Chromium, MV2 background scripts for Firefox), so the harness can run without a real build.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Builds the stub for 'chrome' or 'firefox' in a temp dir and returns that dir. */
export function writeStubExtension(browser) {
  const dir = mkdtempSync(join(tmpdir(), `dossier-stub-${browser}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['content.js', 'background.js', 'popup.html', 'popup.js']) cpSync(join(here, f), join(dir, f));
  const common = {
    name: 'Dossier stub',
    version: '0.0.1',
    permissions: ['storage'],
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
  };
  const manifest =
    browser === 'firefox'
      ? {
          ...common,
          manifest_version: 2,
          background: { scripts: ['background.js'] },
          browser_action: { default_popup: 'popup.html' },
          browser_specific_settings: { gecko: { id: 'dossier@dossier.invalid' } },
        }
      : { ...common, manifest_version: 3, background: { service_worker: 'background.js' }, action: { default_popup: 'popup.html' } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
