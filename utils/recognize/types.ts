/** Shapes shared by every part of the recogniser: plain data, so results cross message boundaries unchanged. */

export type Lang = 'zh' | 'en';

interface Span {
  /** UTF-16 offset into the text as given, inclusive. */
  start: number;
  /** UTF-16 offset into the text as given, exclusive. */
  end: number;
  /** `text.slice(start, end)`, kept so a mention can be shown without the text. */
  text: string;
  /** True when the mention came from the knowledge base's known names rather than a rule. */
  known?: boolean;
}

/** A named individual; the span is the name only. */
export interface PersonMention extends Span {
  type: 'person';
  /** Titles attached to this mention as printed, org name taken out (`['党组书记', '局长']`). */
  titles: string[];
  /** The body the title belongs to, when stated or clearly implied in the sentence. */
  org: string | null;
  /** True when the person holds a public office title anywhere in the text. */
  official: boolean;
  role?: 'official' | 'retired_official' | 'reporter' | 'correspondent' | 'author' | 'photographer' | 'teacher';
}

/** A named organization, longest span. */
export interface OrgMention extends Span {
  type: 'org';
  kind: 'gov' | 'other';
  /** For `parent + unit` spans (`市自然资源和规划局党建办`): the parent body. */
  parent?: string;
  /** For `parent + unit` spans: the unit. */
  unit?: string;
}

/** A quantity a reader wants to notice. */
export interface NumberMention extends Span {
  type: 'number';
  /** The value with 万/亿/million/billion multiplied out. */
  value: number;
  /** The tail of the span: 元, 亩, %, 名, people … ('' when none). */
  unit: string;
  modifier?: '近' | '约' | '超' | '余' | '多' | 'about' | 'nearly' | 'over' | 'more than';
}

/** A calendar expression. */
export interface DateMention extends Span {
  type: 'date';
  /** YYYY, YYYY-MM, YYYY-MM-DD or a YYYY/YYYY range, when it can be determined. */
  iso?: string;
}

export type Mention = PersonMention | OrgMention | NumberMention | DateMention;
export type MentionType = Mention['type'];

/** What the knowledge base tells the recogniser (built by the background, see utils/kb). */
export interface KnownNames {
  /** Names and aliases to recognise anywhere. */
  entries: ReadonlyArray<{ name: string; type: 'person' | 'org'; kind?: 'gov' | 'other'; official?: boolean }>;
  /** Names the reader marked "not an entity": never returned. */
  ignored?: ReadonlyArray<string>;
}

export interface RecognizeOptions {
  /** Language of the text; detected from its characters when absent. */
  lang?: Lang;
  /** Reference date (YYYY-MM-DD) that gives month-day dates their year. */
  refDate?: string;
  /** Names the knowledge base holds; a prepared matcher (see `prepareKnown`) is reused across calls. */
  known?: KnownNames | PreparedKnown;
  /** Kinds to return (all when absent). */
  types?: ReadonlyArray<MentionType>;
}

/** A compiled matcher over known names, built once per knowledge-base version. */
export interface PreparedKnown {
  readonly prepared: true;
  find(text: string): Array<{ start: number; end: number; entry: KnownNames['entries'][number] }>;
  isIgnored(name: string): boolean;
}
