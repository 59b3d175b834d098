/**
 * One byte per UTF-16 code for the per-character scans of findOrgs and findPersons. Each module
 * sets its own bits at import; sharing one table keeps one 20 KB Han stretch in cache where two
 * tables kept two (the tagger runs between the scans and evicts what it can).
 */

/** findOrgs: a Han character some named body starts with. */
export const ORG_NAMED_START = 1;
/** findOrgs: the last character of an org suffix. */
export const ORG_SUFFIX_END = 2;
/** findOrgs: 《, which may open a media name. */
export const ORG_MEDIA_OPEN = 4;
/** findPersons: a Han character a name can start with. */
export const PERSON_NAME_START = 8;
/** findPersons: the first character of a known name. */
export const PERSON_KNOWN_START = 16;
/** findPersons: Han, but no title ending or boundary word. */
export const PERSON_PLAIN_HAN = 32;

/** The shared table: bits above, 0 for a code neither scan stops at. */
export const SCAN_CLASS = new Uint8Array(65536);
