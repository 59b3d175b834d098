/**
 * The reader's settings, in extension storage (not the knowledge base): small, read by every
 * content script at start and watched for changes.
 */
import type { MentionType } from '@/utils/recognize/types';
import { localItem } from '@/utils/storage-item';

export interface Settings {
  /** Which kinds of mention are highlighted. */
  kinds: Record<MentionType, boolean>;
  /** Highlighting on or off everywhere. */
  enabled: boolean;
  /** Hosts never annotated (`example.com` also covers its subdomains). */
  skipSites: string[];
  /** Hosts annotated even when a page doesn't look like an article. */
  alwaysSites: string[];
  /** Colour preset for highlights. */
  palette: 'classic' | 'soft' | 'high-contrast';
}

export const DEFAULT_SETTINGS: Settings = {
  kinds: { person: true, org: true, number: true, date: true },
  enabled: true,
  skipSites: [],
  alwaysSites: [],
  palette: 'classic',
};

/** Fills in what an older or damaged stored value lacks, so a bad value never stops the extension. */
export function normalizeSettings(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Settings>;
  const kinds = { ...DEFAULT_SETTINGS.kinds };
  if (v.kinds && typeof v.kinds === 'object') for (const k of Object.keys(kinds) as MentionType[]) if (typeof v.kinds[k] === 'boolean') kinds[k] = v.kinds[k];
  const hosts = (x: unknown) => (Array.isArray(x) ? x.filter((h): h is string => typeof h === 'string').map((h) => h.trim().toLowerCase()).filter(Boolean).slice(0, 1000) : []);
  return {
    kinds,
    enabled: typeof v.enabled === 'boolean' ? v.enabled : true,
    skipSites: hosts(v.skipSites),
    alwaysSites: hosts(v.alwaysSites),
    palette: v.palette === 'soft' || v.palette === 'high-contrast' ? v.palette : 'classic',
  };
}

/** True when `host` is `site` or one of its subdomains. */
export function hostMatches(host: string, site: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  const s = site.toLowerCase().replace(/^www\./, '').replace(/^\*\./, '');
  return h === s || h.endsWith(`.${s}`);
}

/** What the content script should do on a host: skip it, annotate it whatever it looks like, or decide. */
export function siteDecision(settings: Settings, host: string): 'skip' | 'always' | 'detect' {
  if (!settings.enabled || settings.skipSites.some((s) => hostMatches(host, s))) return 'skip';
  return settings.alwaysSites.some((s) => hostMatches(host, s)) ? 'always' : 'detect';
}

/** The stored settings (`storage.local`, key `settings`); read them through loadSettings, which normalises them. */
export const settingsItem = localItem<Settings>('settings', DEFAULT_SETTINGS);

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}
