/**
 * The learned models of the recogniser (the Chinese character tagger and the English word tagger)
 * ship as data files beside the code, not inside it: a megabyte string literal in a script is read,
 * decoded and scanned on every start of the extension's background (an MV3 service worker starts
 * often), while a data file costs nothing until the first text of its language. The recogniser stays
 * pure: whoever runs it reads the files its own way (fetch in the extension, fs in Node) and hands
 * the contents over with `installModel`.
 */
import type { Lang } from './types';

/** The model file of each language, relative to the extension's root (and to `public/` in the repository). */
export const MODEL_FILES = { zh: 'models/zh-tagger.bin', en: 'models/en-tagger.txt' } as const satisfies Record<Lang, string>;

/** What each model file holds: the zh tagger is binary (format in ./zh/model/codec.ts), the en tagger text. */
export interface ModelContents {
  zh: Uint8Array;
  en: string;
}

/** recognize() was asked for a language whose model nobody installed: a setup mistake, never a page's fault. */
export class ModelNotLoadedError extends Error {
  constructor(readonly lang: Lang) {
    super(`the ${lang} recogniser model is not loaded: read ${MODEL_FILES[lang]} and pass it to installModel('${lang}', …) first`);
    this.name = 'ModelNotLoadedError';
  }
}

const installed: { [L in Lang]?: ModelContents[L] } = {};
/** Bumped on every install, so the taggers know to decode again. */
let version = 0;

/** Hands a model file's contents to the recogniser; the tagger decodes it on its first text. */
export function installModel<L extends Lang>(lang: L, contents: ModelContents[L]): void {
  installed[lang] = contents;
  version++;
}

/** Whether `lang`'s model was installed, so a loader can skip reading it again. */
export function hasModel(lang: Lang): boolean {
  return installed[lang] !== undefined;
}

/** The installed contents and install version of `lang`'s model; throws ModelNotLoadedError when absent. */
export function modelContents<L extends Lang>(lang: L): { contents: ModelContents[L]; version: number } {
  const contents = installed[lang] as ModelContents[L] | undefined;
  if (contents === undefined) throw new ModelNotLoadedError(lang);
  return { contents, version };
}

/**
 * Installs the models of `langs` not installed yet, reading each file with `read` (given its path
 * from MODEL_FILES); concurrent calls share one read per file.
 */
export function ensureModels(langs: readonly Lang[], read: ModelReader): Promise<void> {
  return Promise.all(langs.map((lang) => ensureModel(lang, read))).then(() => undefined);
}

/** Reads one model file: bytes for the zh model, text for the en model. */
export type ModelReader = <L extends Lang>(lang: L, path: string) => Promise<ModelContents[L]>;

const pending: { [L in Lang]?: Promise<void> } = {};
function ensureModel(lang: Lang, read: ModelReader): Promise<void> {
  if (hasModel(lang)) return Promise.resolve();
  const running = pending[lang];
  if (running) return running;
  const p = read(lang, MODEL_FILES[lang]).then(
    (contents) => {
      installModel(lang, contents);
      delete pending[lang];
    },
    (err: unknown) => {
      delete pending[lang]; // a failed read may succeed on the next text
      throw err;
    },
  );
  pending[lang] = p;
  return p;
}
