/** One article, one URL: tracking parameters and fragments never make a second reading. */

const TRACKING = /^(utm_|spm$|from$|fbclid$|gclid$|igshid$|mc_[a-z]+$|ref$|ref_src$|share|wechat|isappinstalled$|scene$|_ga$|yclid$|mkt_tok$|cmpid$|ocid$)/i;

/** The URL that identifies an article: the page's canonical URL when it gives one on the same site. */
export function canonicalUrl(pageUrl: string, declared?: string | null): string {
  let base: URL;
  try {
    base = new URL(pageUrl);
  } catch {
    return pageUrl;
  }
  let url = base;
  if (declared) {
    try {
      const d = new URL(declared, base);
      if (d.protocol === 'http:' || d.protocol === 'https:') url = d;
    } catch {
      /* a broken canonical link is ignored */
    }
  }
  const clean = new URL(url.href);
  clean.hash = '';
  for (const key of [...clean.searchParams.keys()]) if (TRACKING.test(key)) clean.searchParams.delete(key);
  clean.hostname = clean.hostname.toLowerCase();
  return clean.href;
}

/** The site part of a URL, without `www.`. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
