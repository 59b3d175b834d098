/**
 * The hosts where the reader has read articles, most recent first: the document_start script
 * wakes the background to get ready on them even where a page's address does not look like news
 * (`/show.php?id=123`). Kept in extension storage, which a content script reads without waking
 * the background; a hint drawn from the knowledge base, so deleting or replacing that clears it.
 */
import { localItem } from '@/utils/storage-item';
import { urlLooksLikeNews } from '@/utils/page/news-url';

/** Hosts kept: a reader's regular news sites, with room to spare. */
export const NEWS_HOSTS_MAX = 200;

/** The stored list (`storage.local`, key `newsHosts`). */
export const newsHostsItem = localItem<string[]>('newsHosts', []);

/** A host as the list holds it: lower case, without `www.`. */
const hostKey = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** The list with `host` first (moved there if it was further down), at most NEWS_HOSTS_MAX long. */
export function withHost(hosts: readonly string[], host: string): string[] {
  const key = hostKey(host);
  return [key, ...hosts.filter((h) => h !== key)].slice(0, NEWS_HOSTS_MAX);
}

/** Whether the reader has read an article on `host`. A damaged stored value says no. */
export function readsNewsOn(hosts: unknown, host: string): boolean {
  return Array.isArray(hosts) && hosts.includes(hostKey(host));
}

/**
 * Whether the page at `url` may be an article, before anything of it is read: its address looks
 * like news, or the reader has read articles on its site (`hosts`, the stored list). Both the
 * document_start script (waking the background) and the content script (looking again at a page
 * that grows) ask this.
 */
export function mayBeNewsAt(url: string, hosts: unknown): boolean {
  if (urlLooksLikeNews(url)) return true;
  try {
    return readsNewsOn(hosts, new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Writes one after the other: two readings recorded at once must not each drop the other's host. */
let queue: Promise<unknown> = Promise.resolve();

/** Puts the host of an article just recorded first; writes nothing when it is first already. */
export function rememberNewsHost(url: string): Promise<void> {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return Promise.resolve();
    host = u.hostname;
  } catch {
    return Promise.resolve();
  }
  const write = queue.then(async () => {
    const stored = await newsHostsItem.getValue();
    const hosts = Array.isArray(stored) ? stored.filter((h): h is string => typeof h === 'string') : [];
    if (hosts[0] === hostKey(host)) return;
    await newsHostsItem.setValue(withHost(hosts, host));
  });
  queue = write.catch(() => undefined);
  return write;
}

/** Forgets every host (all data deleted, or the knowledge base replaced by a backup). */
export function forgetNewsHosts(): Promise<void> {
  const write = queue.then(() => newsHostsItem.removeValue());
  queue = write.catch(() => undefined);
  return write;
}
