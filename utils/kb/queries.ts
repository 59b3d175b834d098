/** Questions the UI and the recogniser ask the knowledge base. */
import type { KnownNames } from '@/utils/recognize/types';
import type { DossierDb } from './db';
import type { KbStats } from './types';

/** Counts for the popup's header. */
export async function getStats(db: DossierDb): Promise<KbStats> {
  const [articles, people, orgs, figures, notes] = await Promise.all([
    db.articles.count(),
    db.entities.where('type').equals('person').count(),
    db.entities.where('type').equals('org').count(),
    db.figures.count(),
    db.notes.count(),
  ]);
  return { articles, people, orgs, figures, notes };
}

/** The names and aliases the recogniser should know, and the ones it must never return. */
export async function getKnownNames(db: DossierDb): Promise<KnownNames> {
  const entries: Array<KnownNames['entries'][number]> = [];
  const ignored: string[] = [];
  await db.entities.each((e) => {
    const names = [e.name, ...e.aliases];
    if (e.ignored) {
      ignored.push(...names);
      return;
    }
    // A bare name is only worth recognising once it was seen with a title, or as an organization.
    if (e.type === 'person' && e.titles.length === 0 && e.articleCount < 2) return;
    for (const name of names) entries.push({ name, type: e.type, kind: e.kind, official: e.official });
  });
  return { entries, ignored };
}
