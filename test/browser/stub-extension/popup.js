const api = globalThis.browser ?? globalThis.chrome;
api.runtime.sendMessage({ type: 'stats' }).then((s) => {
  document.querySelector('[data-testid=articles-count]').textContent = String(s.articles);
  document.querySelector('main').dataset.ready = 'true';
});
