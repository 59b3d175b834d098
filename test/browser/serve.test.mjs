// The fixture server: news-like URLs map onto the fixture files, nothing outside the folder
// is reachable, and it only listens on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_ARTICLE_PATH, newsPathFor, resolvePagePath, serve } from '../../scripts/lib/serve.mjs';

const files = ['index.html', 'a01-leaders-lecture.html', 'a12-administrative-services.html'];

test('news-like paths resolve to the fixture files', () => {
  assert.equal(resolvePagePath('/', files), 'index.html');
  assert.equal(resolvePagePath('/2024-02/07/', files), 'index.html');
  assert.equal(resolvePagePath('/2024-02/07/content_a01.html', files), 'a01-leaders-lecture.html');
  assert.equal(resolvePagePath('/2024-02/07/content_1.html', files), 'a01-leaders-lecture.html');
  assert.equal(resolvePagePath('/2024-02/07/content_12.html', files), 'a12-administrative-services.html');
  assert.equal(resolvePagePath('/a01-leaders-lecture.html', files), 'a01-leaders-lecture.html');
  assert.equal(newsPathFor('a12-administrative-services.html'), '/2024-02/07/content_a12.html');
});

test('nothing outside the listing resolves', () => {
  for (const p of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/content_a99.html', '/%E0%A4%A', '/manifest.json']) {
    assert.equal(resolvePagePath(p, files), null, p);
  }
});

test('serves the first article over loopback http', async () => {
  const s = await serve();
  try {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(s.url + FIRST_ARTICLE_PATH);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await res.text(), /<html/i);
    assert.equal((await fetch(`${s.url}/nope.html`)).status, 404);
    assert.equal((await fetch(s.url + FIRST_ARTICLE_PATH, { method: 'POST' })).status, 405);
  } finally {
    await s.close();
  }
});
