// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setUiLang } from '@/utils/i18n';
import type { ImportSummary } from '@/utils/kb/backup';
import { KB_CHANGED } from '@/utils/messages';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/utils/settings';

const sendMessage = vi.fn();
vi.mock('@/utils/messages', async (original) => ({
  ...(await original<typeof import('@/utils/messages')>()),
  sendMessage: (...args: unknown[]) => sendMessage(...args),
}));

const { App } = await import('@/entrypoints/options/App');
const { parseSite } = await import('@/components/options/site-host');

const stats = { articles: 12, people: 30, orgs: 8, figures: 41, notes: 5 };
const emptyStats = { articles: 0, people: 0, orgs: 0, figures: 0, notes: 0 };
const storageInfo = { usage: 2_400_000, quota: 500_000_000, persisted: false };

function summary(mode: 'merge' | 'replace'): ImportSummary {
  const zero = { added: 0, updated: 0, removed: 0 };
  return {
    mode,
    tables: {
      articles: { added: 3, updated: 1, removed: mode === 'replace' ? 12 : 0 },
      entities: { added: 7, updated: 2, removed: mode === 'replace' ? 38 : 0 },
      mentions: { ...zero, added: 40 },
      figures: { ...zero, added: 9 },
      cooccurrences: { ...zero, added: 11 },
      notes: { added: 2, updated: 0, removed: mode === 'replace' ? 5 : 0 },
    },
    articles: { new: 3, matched: 1 },
    entities: { new: 7, merged: 2 },
    skipped: { mentions: 4, figures: 1 },
    notes: { duplicates: 1, figureNotesAsQuotes: 0 },
  };
}

/** Answers requests by type; a missing type fails the way an unreachable background does. */
function backend(answers: Record<string, unknown>) {
  sendMessage.mockImplementation(async (type: string, data: unknown) => {
    if (!(type in answers)) throw new Error(`Could not establish connection. Receiving end does not exist. (${type})`);
    const a = answers[type];
    return typeof a === 'function' ? (a as (d: unknown) => unknown)(data) : a;
  });
}

const calls = (type: string) => sendMessage.mock.calls.filter(([t]) => t === type);

async function renderPage() {
  const view = render(<App />);
  await screen.findByRole('heading', { name: 'Highlighting' });
  return view;
}

function chooseFile(input: HTMLElement, text: string, name = 'backup.json') {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => {
  setUiLang('en');
  sendMessage.mockReset();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('options page: your data', () => {
  it('shows the counts and the storage used', async () => {
    backend({ stats, storage: storageInfo });
    await renderPage();
    expect(await screen.findByTestId('articles-count')).toHaveProperty('textContent', '12');
    expect(screen.getByTestId('people-count').textContent).toBe('30');
    expect(screen.getByTestId('notes-count').textContent).toBe('5');
    const storage = screen.getByTestId('storage');
    expect(storage.textContent).toMatch(/2\.4\s?MB used of 500\s?MB/);
    expect(storage.textContent).toContain('Not persistent');
    expect(screen.queryByTestId('kb-empty')).toBeNull();
  });

  it('says so when nothing is stored yet', async () => {
    backend({ stats: emptyStats, storage: { usage: null, quota: null, persisted: null } });
    await renderPage();
    expect(await screen.findByTestId('kb-empty')).toBeTruthy();
    expect(screen.getByTestId('storage').textContent).toContain('does not say how much space');
  });

  it('shows the error when the background cannot be reached, and retries', async () => {
    backend({});
    await renderPage();
    const alert = await screen.findByTestId('kb-error');
    expect(alert.textContent).toContain('Could not reach the knowledge base: Could not establish connection');
    backend({ stats, storage: storageInfo });
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('articles-count').textContent).toBe('12'));
  });

  it('refreshes the counts when the background announces a change', async () => {
    backend({ stats, storage: storageInfo });
    await renderPage();
    await screen.findByTestId('articles-count');
    backend({ stats: { ...stats, articles: 13 }, storage: storageInfo });
    await act(async () => {
      await fakeBrowser.runtime.onMessage.trigger({ ...KB_CHANGED }, { id: fakeBrowser.runtime.id }, () => {});
    });
    await waitFor(() => expect(screen.getByTestId('articles-count').textContent).toBe('13'));
    // Messages that are not the broadcast are left alone.
    const before = calls('stats').length;
    await act(async () => {
      await fakeBrowser.runtime.onMessage.trigger({ dossier: 1, type: 'stats' }, { id: fakeBrowser.runtime.id }, () => {});
      await new Promise((r) => setTimeout(r, 300));
    });
    expect(calls('stats').length).toBe(before);
  });

  it('exports: asks the background for the file and hands it to the browser as a download', async () => {
    backend({ stats, storage: storageInfo, exportData: ({ format }: { format: string }) => ({ fileName: `dossier-${format}.csv`, mime: 'text/csv', text: 'a,b\n1,2\n' }) });
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => (created.push(b), 'blob:dossier/1'));
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Figures (CSV)' }));
    await screen.findByText('Exported dossier-figures-csv.csv.');
    expect(calls('exportData')).toEqual([['exportData', { format: 'figures-csv' }]]);
    expect(await created[0].text()).toBe('a,b\n1,2\n');
    expect(created[0].type).toBe('text/csv');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('dossier-figures-csv.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:dossier/1');
    expect(clicked[0].isConnected).toBe(false);
    await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:dossier/1'), { timeout: 2000 });
  });

  it('reports a failed export', async () => {
    backend({ stats, storage: storageInfo });
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Backup (JSON)' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Export failed: Could not establish connection/);
  });
});

describe('options page: import', () => {
  it('a bad file shows the background\'s reason and imports nothing', async () => {
    backend({ stats, storage: storageInfo, previewImport: { ok: false, error: 'Not a Dossier backup: "format" is missing.' }, importBackup: { ok: true, summary: summary('merge') } });
    await renderPage();
    chooseFile(screen.getByLabelText('Backup file (.json)'), '{"hello": 1}');
    const error = await screen.findByTestId('import-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('This file cannot be imported.');
    expect(error.textContent).toContain('Not a Dossier backup: "format" is missing.');
    expect(error.textContent).toContain('Nothing was changed.');
    expect(calls('previewImport')).toEqual([['previewImport', { text: '{"hello": 1}', mode: 'merge' }]]);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(calls('importBackup')).toHaveLength(0);
  });

  it('a good file shows what will change, and imports only on confirmation', async () => {
    backend({
      stats,
      storage: storageInfo,
      previewImport: ({ mode }: { mode: 'merge' | 'replace' }) => ({ ok: true, summary: summary(mode) }),
      importBackup: ({ mode }: { mode: 'merge' | 'replace' }) => ({ ok: true, summary: summary(mode) }),
    });
    await renderPage();
    const text = '{"format":"dossier-backup"}';
    chooseFile(screen.getByLabelText('Backup file (.json)'), text, 'dossier-backup-2025-01-01.json');
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toContain('What importing dossier-backup-2025-01-01.json will do');
    const row = (name: string) => within(preview).getByRole('row', { name: new RegExp(`^${name}`) }).textContent;
    expect(within(preview).getByRole('rowheader', { name: 'People and agencies' })).toBeTruthy();
    expect(row('People and agencies')).toBe('People and agencies720');
    expect(preview.textContent).toContain('3 new articles; 1 already here.');
    expect(preview.textContent).toContain('1 notes are already here and are skipped.');
    expect(calls('importBackup')).toHaveLength(0);

    // Switching to replace asks again, and warns.
    fireEvent.click(screen.getByLabelText(/Replace everything here/));
    await waitFor(() => expect(screen.getByTestId('replace-warning').textContent).toContain('including 5 notes'));
    expect(calls('previewImport').at(-1)).toEqual(['previewImport', { text, mode: 'replace' }]);
    fireEvent.click(screen.getByLabelText(/Merge with what is here/));
    await waitFor(() => expect(screen.queryByTestId('replace-warning')).toBeNull());

    const statsBefore = calls('stats').length;
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported: 72 records added, 3 updated, 0 removed.');
    expect(calls('importBackup')).toEqual([['importBackup', { text, mode: 'merge' }]]);
    expect(screen.queryByTestId('import-preview')).toBeNull();
    await waitFor(() => expect(calls('stats').length).toBeGreaterThan(statsBefore));
  });

  it('cancel drops the chosen file without importing', async () => {
    backend({ stats, storage: storageInfo, previewImport: { ok: true, summary: summary('merge') } });
    await renderPage();
    chooseFile(screen.getByLabelText('Backup file (.json)'), '{}');
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(calls('importBackup')).toHaveLength(0);
  });
});

describe('options page: delete all data', () => {
  it('needs the phrase typed before anything is deleted', async () => {
    backend({ stats, storage: storageInfo, deleteAllData: null });
    await renderPage();
    expect(screen.queryByRole('button', { name: 'Delete everything' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    const phrase = screen.getByLabelText('To confirm, type “delete everything”');
    await waitFor(() => expect(document.activeElement).toBe(phrase));
    const confirm = screen.getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    fireEvent.input(phrase, { target: { value: 'delete' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.submit(phrase.closest('form')!);
    expect(calls('deleteAllData')).toHaveLength(0);

    fireEvent.input(phrase, { target: { value: 'Delete everything ' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await screen.findByText('All data deleted.');
    expect(calls('deleteAllData')).toEqual([['deleteAllData', { confirm: 'delete everything' }]]);
  });

  it('Cancel backs out', async () => {
    backend({ stats, storage: storageInfo, deleteAllData: null });
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByLabelText(/To confirm/)).toBeNull();
    expect(calls('deleteAllData')).toHaveLength(0);
  });
});

describe('options page: settings', () => {
  it('saves a kind the moment it is toggled, and says so', async () => {
    backend({ stats, storage: storageInfo });
    await renderPage();
    const figure = screen.getByRole('checkbox', { name: 'Figure' }) as HTMLInputElement;
    expect(figure.checked).toBe(true);
    fireEvent.click(figure);
    await waitFor(async () => expect((await loadSettings()).kinds).toEqual({ ...DEFAULT_SETTINGS.kinds, number: false }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved'));
    expect(screen.getByTestId('save-status').getAttribute('aria-live')).toBe('polite');
  });

  it('saves detection and the colour preset', async () => {
    backend({ stats, storage: storageInfo });
    await renderPage();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Read news pages and highlight what Dossier finds' }));
    await waitFor(async () => expect((await loadSettings()).enabled).toBe(false));
    fireEvent.click(screen.getByRole('radio', { name: 'High contrast' }));
    await waitFor(async () => expect((await loadSettings()).palette).toBe('high-contrast'));
  });

  it('previews each preset with the four kinds on a light and a dark page', async () => {
    backend({ stats, storage: storageInfo });
    const { container } = await renderPage();
    const previews = container.querySelectorAll('.palette-preview');
    expect(previews).toHaveLength(3);
    for (const p of previews) {
      expect(p.querySelectorAll('.preview--light .preview-sample')).toHaveLength(4);
      expect(p.querySelectorAll('.preview--dark .preview-sample')).toHaveLength(4);
      expect(p.textContent).toContain('刘晓军');
      expect(p.textContent).toContain('21229万元');
    }
  });

  it('refuses junk as a site with a message, and saves a valid one as its host', async () => {
    backend({ stats, storage: storageInfo });
    await renderPage();
    const input = screen.getByLabelText('Add a site to skip');
    fireEvent.input(input, { target: { value: 'not a site!' } });
    fireEvent.submit(input.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('“not a site!” is not a site. Type a host such as example.com.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((await loadSettings()).skipSites).toEqual([]);

    fireEvent.input(input, { target: { value: 'https://www.Example.com/news/2025/story.html?x=1' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(async () => expect((await loadSettings()).skipSites).toEqual(['example.com']));
    expect(await screen.findByText('Added example.com, the site of that address.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Sites to skip' }).textContent).toContain('example.com');
    expect((input as HTMLInputElement).value).toBe('');

    fireEvent.input(input, { target: { value: 'example.com' } });
    fireEvent.submit(input.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('example.com is already in this list.');

    const always = screen.getByLabelText('Add a site to always annotate');
    fireEvent.input(always, { target: { value: 'example.com' } });
    fireEvent.submit(always.closest('form')!);
    expect((await screen.findByText('example.com is in “Sites to skip”. Remove it there first.')).getAttribute('role')).toBe('alert');
    expect((await loadSettings()).alwaysSites).toEqual([]);
  });

  it('removes a site by its labelled button and keeps the focus in the list', async () => {
    await saveSettings({ alwaysSites: ['a.example', 'b.example'] });
    backend({ stats, storage: storageInfo });
    await renderPage();
    await screen.findByRole('list', { name: 'Sites always annotated' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove a.example' }));
    await waitFor(async () => expect((await loadSettings()).alwaysSites).toEqual(['b.example']));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove b.example' })));
  });

  it('follows settings changed elsewhere', async () => {
    backend({ stats, storage: storageInfo });
    await renderPage();
    expect((screen.getByRole('checkbox', { name: 'Person' }) as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      await saveSettings({ kinds: { ...DEFAULT_SETTINGS.kinds, person: false }, skipSites: ['paused.example'] });
    });
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Person' }) as HTMLInputElement).checked).toBe(false));
    expect(screen.getByRole('list', { name: 'Sites to skip' }).textContent).toContain('paused.example');
  });
});

describe('options page: language', () => {
  it('speaks Chinese to a Chinese browser', async () => {
    setUiLang('zh');
    backend({ stats, storage: storageInfo });
    render(<App />);
    expect(await screen.findByRole('heading', { name: '标注' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '你的数据' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '数字' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '删除全部数据……' })).toBeTruthy();
  });
});

describe('typed sites', () => {
  it('takes hosts and the host of an address, and refuses the rest', () => {
    expect(parseSite('Example.COM')).toEqual({ ok: true, host: 'example.com', fromUrl: false });
    expect(parseSite('*.example.com')).toMatchObject({ ok: true, host: 'example.com' });
    expect(parseSite('news.sina.com.cn/a/b')).toEqual({ ok: true, host: 'news.sina.com.cn', fromUrl: true });
    expect(parseSite('例子.中国')).toMatchObject({ ok: true, host: 'xn--fsqu00a.xn--fiqs8s' });
    expect(parseSite('192.168.1.1')).toMatchObject({ ok: true, host: '192.168.1.1' });
    expect(parseSite('  ')).toEqual({ ok: false, reason: 'empty' });
    for (const junk of ['asdf', 'hello world', 'javascript:alert(1)', 'ftp://x.com', 'user@x.com', '1.2.3', 'a..b', '-a.com', '<b>x</b>.com', 'http://']) {
      expect(parseSite(junk), junk).toMatchObject({ ok: false });
    }
  });
});
