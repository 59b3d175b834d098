/**
 * Turns what a reader types into a site entry: a bare host such as `example.com` (subdomains are
 * covered by `hostMatches`). A pasted URL gives its host; anything that is not a host is refused
 * with a reason the form can show.
 */

export type SiteParse = { ok: true; host: string; fromUrl: boolean } | { ok: false; reason: 'empty' | 'invalid' };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Parses a typed site: `Example.com`, `*.example.com`, `https://www.example.com/news/1` → `example.com`. */
export function parseSite(input: string): SiteParse {
  let text = input.trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (/\s/.test(text)) return { ok: false, reason: 'invalid' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return { ok: false, reason: 'invalid' }; // mailto:, javascript: …
  text = text.replace(/^\*\./, '');
  let host: string;
  try {
    const url = new URL(hasScheme ? text : `http://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'invalid' };
    if (url.username || url.password) return { ok: false, reason: 'invalid' };
    host = url.hostname.toLowerCase();
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  if (!isHost(host)) return { ok: false, reason: 'invalid' };
  // The URL parser reads `1.2.3` as 1.2.0.3: an address must be typed out whole.
  if (IPV4.test(host) && !text.includes(host)) return { ok: false, reason: 'invalid' };
  const fromUrl = hasScheme || /[/?#]/.test(text);
  return { ok: true, host, fromUrl };
}

/** A DNS name of at least two labels with a non-numeric top level, `localhost`, or an IPv4 address. */
function isHost(host: string): boolean {
  if (host === 'localhost' || IPV4.test(host)) return true;
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return false;
  return /[a-z]/.test(labels[labels.length - 1]);
}
