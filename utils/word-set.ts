/**
 * A list of words as a Set, for lookups that would otherwise be a regular expression of
 * alternatives. Each page our content scripts run in is a new script context, where V8 compiles a
 * regular expression on its first test and again, to machine code, on its second: as
 * case-insensitive alternations, detection's word lists cost every page about 0.8 ms in Chromium
 * (the largest bundled article's detection: 3.5 → 2.7 ms; see scripts/bench/NOTES.md). A Set
 * costs its words' strings.
 */
export const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(' '));
