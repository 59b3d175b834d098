import { DossierDb } from '@/utils/kb/db';
import { getKnownNames, getStats } from '@/utils/kb/queries';
import { recordReading } from '@/utils/kb/record-reading';
import { onMessages } from '@/utils/message-schemas';
import { prepareKnown, recognize } from '@/utils/recognize';
import type { PreparedKnown } from '@/utils/recognize/types';

/**
 * The background owns the knowledge base (the only code that opens IndexedDB) and runs the
 * recogniser, so the page's own thread never carries the model or the known-name matcher.
 */
export default defineBackground(() => {
  const db = new DossierDb();
  let known: Promise<PreparedKnown> | null = null;
  const knownNames = () => (known ??= getKnownNames(db).then(prepareKnown));

  onMessages({
    ping: () => ({ ok: true, version: browser.runtime.getManifest().version }),
    recognize: async ({ text, lang, refDate }) => recognize(text, { lang, refDate, known: await knownNames() }),
    recordReading: async ({ article, mentions }) => {
      const result = await recordReading(db, article, mentions);
      if (result.isNew) known = null;
      return result;
    },
    stats: () => getStats(db),
  });
});
