import { ensureModels, type ModelContents, type ModelReader } from '@/utils/recognize';
import type { Lang } from '@/utils/recognize/types';

/** Reads a model file from the extension's own package (never the network: a chrome-/moz-extension: URL). */
const readPackagedModel: ModelReader = async (lang, path) => {
  const res = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!res.ok) throw new Error(`could not read the ${lang} model ${path}: ${res.status}`);
  const contents: ModelContents[Lang] = lang === 'zh' ? new Uint8Array(await res.arrayBuffer()) : await res.text();
  return contents as ModelContents[typeof lang];
};

/** Makes sure the recogniser's model for `lang` is installed, reading it from the package on first use. */
export function ensurePackagedModel(lang: Lang): Promise<void> {
  return ensureModels([lang], readPackagedModel);
}
