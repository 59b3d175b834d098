// Stub background: remembers which URLs were read, answers the popup's stats request.
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((msg, _sender, reply) => {
  (async () => {
    const { urls = [] } = await api.storage.local.get('urls');
    if (msg.type === 'record' && !urls.includes(msg.url)) urls.push(msg.url);
    await api.storage.local.set({ urls });
    reply({ articles: urls.length });
  })();
  return true;
});
