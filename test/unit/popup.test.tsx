// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setUiLang } from '@/utils/i18n';
import type { NoteRecord } from '@/utils/kb/types';

const sendMessage = vi.fn();
const sendTabMessage = vi.fn();
vi.mock('@/utils/messages', async (original) => ({
  ...(await original<typeof import('@/utils/messages')>()),
  sendMessage: (...args: unknown[]) => sendMessage(...args),
  sendTabMessage: (...args: unknown[]) => sendTabMessage(...args),
}));

const { App } = await import('@/entrypoints/popup/App');
const { NotesView } = await import('@/components/popup/NotesView');
const { KnowledgeView } = await import('@/components/popup/KnowledgeView');
const { ReadingView } = await import('@/components/popup/ReadingView');

const note = (id: number, text: string): NoteRecord => ({ id, target: { kind: 'entity', id: 1 }, text, createdAt: id * 1000, updatedAt: id * 1000, grams: [] });
const stats = { articles: 2, people: 3, orgs: 4, figures: 5, notes: 6 };

/** Answers requests by type from a table; anything else fails like an unreachable background. */
function backend(answers: Record<string, unknown | ((data: any) => unknown)>) {
  sendMessage.mockImplementation(async (type: string, data: unknown) => {
    if (!(type in answers)) throw new Error(`no answer for ${type}`);
    const a = answers[type];
    return typeof a === 'function' ? (a as (d: unknown) => unknown)(data) : a;
  });
}

beforeEach(() => {
  setUiLang('en');
  sendMessage.mockReset();
  sendTabMessage.mockReset();
});
afterEach(cleanup);

describe('popup', () => {
  it('shows the counts and what Dossier made of this page', async () => {
    backend({ stats });
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [{ id: 7 }]) as never);
    sendTabMessage.mockResolvedValue({ state: 'article', host: 'news.example.com', counts: { person: 9, org: 20, number: 18, date: 10 } });
    render(<App />);
    await waitFor(() => expect(screen.getByTestId('articles-count').textContent).toBe('2'));
    await waitFor(() => expect(screen.getByTestId('page-org-count').textContent).toBe('20'));
    expect(screen.getByText('Pause Dossier on news.example.com')).toBeTruthy();
  });

  it('says so when the background cannot be reached', async () => {
    backend({});
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => []) as never);
    render(<App />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Could not reach the knowledge base/));
  });

  it('moves between views with the arrow keys', async () => {
    backend({ stats, listNotes: { notes: [], total: 0, targets: {} } });
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => []) as never);
    render(<App />);
    fireEvent.keyDown(screen.getByTestId('tab-page'), { key: 'ArrowRight' });
    await waitFor(() => expect(screen.getByTestId('tab-notes').getAttribute('aria-selected')).toBe('true'));
    await waitFor(() => expect(screen.getByText(/Nothing here yet/)).toBeTruthy());
  });
});

describe('notes view', () => {
  it('lists many notes newest first, a page at a time', async () => {
    const all = Array.from({ length: 120 }, (_, i) => note(120 - i, `笔记 ${120 - i}`));
    backend({ listNotes: ({ limit }: { limit: number }) => ({ notes: all.slice(0, limit), total: all.length, targets: { 'entity:1': { label: '刘晓军', url: null, articleTitle: null } } }) });
    render(<NotesView />);
    await waitFor(() => expect(screen.getByTestId('notes-list').children).toHaveLength(50));
    expect(screen.getByTestId('notes-list').children[0].textContent).toContain('笔记 120');
    fireEvent.click(screen.getByText('Show more (70 left)'));
    await waitFor(() => expect(screen.getByTestId('notes-list').children).toHaveLength(100));
  });

  it('searches, and deletes with undo', async () => {
    const deleted = note(1, '土地供应');
    backend({
      listNotes: ({ query }: { query?: string }) => ({ notes: query === '土地' || !query ? [deleted] : [], total: query === '土地' || !query ? 1 : 0, targets: {} }),
      deleteNote: deleted,
      restoreNote: deleted,
    });
    render(<NotesView />);
    fireEvent.input(screen.getByTestId('notes-search'), { target: { value: '许可' } });
    await waitFor(() => expect(screen.getByText('No matches.')).toBeTruthy());
    fireEvent.input(screen.getByTestId('notes-search'), { target: { value: '土地' } });
    await waitFor(() => expect(screen.getByText('土地供应')).toBeTruthy());
    fireEvent.click(screen.getByText('Delete'));
    await waitFor(() => expect(screen.getByText('Note deleted.')).toBeTruthy());
    fireEvent.click(screen.getByText('Undo'));
    await waitFor(() => expect(sendMessage).toHaveBeenCalledWith('restoreNote', { note: deleted }));
  });

  it('edits a note in place', async () => {
    backend({ listNotes: { notes: [note(1, '旧的')], total: 1, targets: {} }, updateNote: note(1, '新的') });
    render(<NotesView />);
    await waitFor(() => screen.getByText('旧的'));
    fireEvent.click(screen.getByText('Edit'));
    fireEvent.input(screen.getByLabelText('Edit'), { target: { value: '新的' } });
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(sendMessage).toHaveBeenCalledWith('updateNote', { id: 1, text: '新的' }));
  });
});

describe('knowledge view', () => {
  const card = {
    entity: { id: 1, type: 'person', name: '刘晓军', aliases: [], titles: [], articleCount: 2, mentionCount: 3, firstSeen: '2024-02-01', lastSeen: '2024-02-07', ignored: false, official: true },
    titlesByOrg: [{ org: '焦作市自然资源和规划局', titles: [{ title: '局长', org: '焦作市自然资源和规划局', firstSeen: '2024-02-01', lastSeen: '2024-02-07', articleIds: [1, 2] }] }],
    articles: [{ id: 1, title: '领导讲业务', url: 'https://a/1', site: 'a', publishedAt: '2024-02-07', readAt: 1, sentence: '局长刘晓军出席活动。' }],
    related: [],
    people: [],
    notes: [],
  };
  it('opens an entity page with its titles and articles, and merges another entity into it', async () => {
    backend({
      listEntities: { rows: [{ id: 1, type: 'person', name: '刘晓军', aliases: [], articleCount: 2, ignored: false }], more: false },
      entityCardById: card,
      search: { entities: [{ id: 2, type: 'person', name: '刘晓君', aliases: [], articleCount: 1, ignored: false }], articles: [], notes: [] },
      mergeEntities: card.entity,
    });
    render(<KnowledgeView />);
    fireEvent.click(await screen.findByText('刘晓军'));
    await waitFor(() => expect(screen.getByTestId('entity-page').textContent).toContain('焦作市自然资源和规划局'));
    fireEvent.input(screen.getByLabelText(/Merge another entity/), { target: { value: '刘晓' } });
    fireEvent.click(await screen.findByText('Merge “刘晓君” into “刘晓军”'));
    await waitFor(() => expect(sendMessage).toHaveBeenCalledWith('mergeEntities', { keepId: 1, dropId: 2 }));
  });

  it('has an empty state', async () => {
    backend({ listEntities: { rows: [], more: false } });
    render(<KnowledgeView />);
    await waitFor(() => expect(screen.getByText(/Nothing here yet/)).toBeTruthy());
  });
});

describe('reading view', () => {
  it('lists recent articles with counts, and shows an error when the background fails', async () => {
    backend({ recentArticles: [{ id: 1, title: '领导讲业务', url: 'https://a/1', site: 'a', publishedAt: '2024-02-07', readAt: 1, mentionCount: 23, noteCount: 2 }] });
    render(<ReadingView />);
    await waitFor(() => expect(screen.getByTestId('reading-list').textContent).toContain('23 highlights · 2 notes'));
    cleanup();
    backend({});
    render(<ReadingView />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/no answer for recentArticles/));
  });
});
