import type { Lang } from './types';

/** Picks zh or en from the characters themselves, so one page of mixed sites needs no setting. */
export function detectLang(text: string): Lang {
  let han = 0;
  let latin = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  // A Chinese character carries about as much as a short English word.
  return han * 4 >= latin ? (han > 0 ? 'zh' : 'en') : 'en';
}
