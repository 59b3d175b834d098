/**
 * The per-char words the decoder reads at every char, interleaved in one table indexed by char code: a
 * char's folded row (./folded-rows.ts) and its misc block (./char-misc.ts) share a cache line, where two
 * tables of their own (256 KB apart) cost a line each, and the tagger is bound by the lines it touches.
 */
import { PLAIN_ARENA, type Arena } from './kernel';

/** Words per char. */
export const CHAR_SLOTS = 2;
/** Where a char's folded row offset sits (0 = not built yet). */
export const ROW_AT = 0;
/** Where a char's misc block start sits (0 = not built yet). */
export const MISC_AT = 1;

/** A zeroed table: nothing built yet. */
export const newCharSlots = (arena: Arena = PLAIN_ARENA): Int32Array => arena.i32(65536 * CHAR_SLOTS);
