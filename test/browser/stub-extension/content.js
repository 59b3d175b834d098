// Stub content script: marks article pages by URL shape and highlights every run of digits.
(async () => {
  const root = document.documentElement;
  const isArticle = /\/content_[^/]+\.html$|\/a\d+-[^/]+\.html$/.test(location.pathname);
  if (!isArticle) {
    root.dataset.dossier = 'skipped';
    root.dataset.dossierCount = '0';
    return;
  }
  const ranges = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (const m of n.data.matchAll(/\d+/g)) {
      const r = new Range();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      ranges.push(r);
    }
  }
  CSS.highlights.set('dossier-number', new Highlight(...ranges));
  root.dataset.dossierCount = String(ranges.length);
  root.dataset.dossier = 'article';
  // Recorded late on purpose: the popup tests must wait for the reading, not race it.
  await new Promise((r) => setTimeout(r, 1500));
  const api = globalThis.browser ?? globalThis.chrome;
  await api.runtime.sendMessage({ type: 'record', url: location.href });
})().catch((e) => {
  document.documentElement.dataset.dossier = 'error';
  console.error(e);
});
