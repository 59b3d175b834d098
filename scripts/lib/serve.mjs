// A tiny loopback-only static server for the fixture news pages.
// Article detection looks at URL shapes, so each page is also served under a
// news-like path: /2024-02/07/content_a01.html → a01-leaders-lecture.html.
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The fixture pages the extension is specified against: the default thing to serve. */
export const FIXTURE_HTML_DIR = resolve(here, '../../test/fixtures/jiaozuo-2024-02/html');

/** The news-like path of the first article, so tests and the demo open the same page. */
export const FIRST_ARTICLE_PATH = '/2024-02/07/content_a01.html';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.pdf': 'application/pdf',
};

/**
 * Resolves a request path to a file name in the folder, or null. Only names that are
 * in the listing can come out, so no path can escape the folder.
 * Exported so the URL mapping can be tested without a socket.
 */
export function resolvePagePath(pathname, files) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const base = path.split('/').pop() ?? '';
  if (base === '' || base === 'index.htm') return files.includes('index.html') ? 'index.html' : null;
  if (files.includes(base)) return base;
  // content_a01.html, content_1.html, content_01.html → the file whose name starts with "a01-"
  const m = /^content_(a?)(\d+)\.html?$/i.exec(base);
  if (m) {
    const id = `a${m[2].padStart(2, '0')}`;
    return files.find((f) => f.startsWith(`${id}-`) || f === `${id}.html`) ?? null;
  }
  return null;
}

/** The news-like URL path of a fixture file, e.g. a03-winter-geohazard.html → /2024-02/07/content_a03.html. */
export function newsPathFor(fileName) {
  const m = /^(a\d+)-/.exec(fileName);
  return m ? `/2024-02/07/content_${m[1]}.html` : `/${fileName}`;
}

/**
 * Serves `dir` on 127.0.0.1 (a random free port unless `port` is given) so browsers see the
 * fixtures over http like a real news site. Returns `{ url, port, close }`; url has no trailing slash.
 * `handle(req, res, pathname)` may answer a request itself (return true): special headers or a
 * response that never ends, for the hostile-page tests. `headers` go on every file served.
 */
export async function serve({ dir = FIXTURE_HTML_DIR, port = 0, handle, headers = {} } = {}) {
  const host = '127.0.0.1'; // loopback only, never a public interface
  const root = resolve(dir);
  const files = (await readdir(root)).filter((f) => !f.startsWith('.'));
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' });
      res.end('method not allowed\n');
      return;
    }
    if (handle && (await handle(req, res, pathname))) return;
    const name = resolvePagePath(pathname, files);
    if (!name) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    try {
      const body = await readFile(join(root, name));
      res.writeHead(200, {
        'content-type': TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('read error\n');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    files,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// `node scripts/lib/serve.mjs [dir] [port]`: serve by hand until Ctrl+C.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port] = process.argv.slice(2);
  const s = await serve({ dir: dir ? resolve(dir) : undefined, port: port ? Number(port) : 0 });
  console.log(`serving ${dir ?? FIXTURE_HTML_DIR} at ${s.url}  (first article: ${s.url}${FIRST_ARTICLE_PATH})`);
  process.on('SIGINT', () => s.close().then(() => process.exit(0)));
}
