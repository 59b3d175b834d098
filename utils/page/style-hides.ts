/**
 * Which bare elements (no attribute at all) a document's style sheets could hide, told by reading
 * the sheets once instead of asking the browser about every element. A long article is thousands
 * of bare <p>s, and asking each whether it is rendered (checkVisibility) was 8–14 ms of mapping a
 * 1 MB article on a 2-core machine. A rule can hide a bare element only when the last compound of
 * its selector (its subject) names no class, id or attribute: `#folded > p` can, `.gone` cannot.
 */

/** Tags of bare elements some rule may hide (upper case), or 'any': the sheets could hide any element, or could not all be read. */
export type SheetHides = ReadonlySet<string> | 'any';

/** A rule as the CSS object model gives it, read by what it has (a content script's world has its own constructors). */
interface RuleLike {
  selectorText?: string;
  style?: CSSStyleDeclaration;
  cssRules?: CSSRuleList;
  styleSheet?: CSSStyleSheet | null;
}

/** Whether a declaration block could take the elements it styles out of the rendering (`display: none`, or a variable's value). */
function hidesSelf(style: CSSStyleDeclaration): boolean {
  const display = style.getPropertyValue('display');
  return display.includes('none') || display.includes('var(');
}

/** Whether a declaration block could hide what is inside the elements it styles while they show. */
function hidesInside(style: CSSStyleDeclaration): boolean {
  const cv = style.getPropertyValue('content-visibility');
  return cv.includes('hidden') || cv.includes('var(');
}

/**
 * The subject compound of each selector of a list (`div > p.x, li` → `p.x`, `li`): the text after
 * the last combinator outside brackets, parentheses and quotes. Null for a list this reading does
 * not follow (escapes; nesting's `&`, whose subject is another rule's).
 */
export function subjectsOf(selectorText: string): string[] | null {
  if (selectorText.includes('\\') || selectorText.includes('&')) return null;
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  /** Where the compound being read began, and the last one read before it in this selector. */
  let from = 0;
  let before = '';
  for (let i = 0; i <= selectorText.length; i++) {
    const c = i < selectorText.length ? selectorText[i] : ',';
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && COMBINATOR_OR_COMMA.includes(c)) {
      const compound = selectorText.slice(from, i);
      from = i + 1;
      if (c !== ',') {
        if (compound) before = compound;
        continue;
      }
      // Spaces before the comma end no compound: the one before them is the subject.
      const subject = compound || before;
      if (subject) out.push(subject);
      before = '';
    }
  }
  return out;
}

/** Characters that end a compound at the top level of a selector list. */
const COMBINATOR_OR_COMMA = ' >+~\n\t\r\f,';

/** The tag a subject compound can match on a bare element, '' when none can, '*' when any can. */
export function bareTagOf(subject: string): string {
  let depth = 0;
  for (let i = 0; i < subject.length; i++) {
    const c = subject[i];
    if (c === '(' || c === '[') {
      // An attribute selector at the top level needs an attribute.
      if (c === '[' && depth === 0) return '';
      depth++;
    } else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === '.' || c === '#')) return '';
    // A pseudo-element's box is not the element's.
    else if (depth === 0 && c === ':' && subject[i + 1] === ':') return '';
  }
  // A namespace prefix (`svg|a`) is not followed: any.
  const type = subject.includes('|') ? null : /^[a-zA-Z][\w-]*/.exec(subject);
  return type ? type[0].toUpperCase() : '*';
}

/** Adds to `tags` what the rules of `rules` may hide; false where one may hide any element. */
function readRules(rules: CSSRuleList, tags: Set<string>): boolean {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as unknown as RuleLike;
    if ('styleSheet' in rule) {
      if (rule.styleSheet && !readRules(rule.styleSheet.cssRules, tags)) return false;
      continue;
    }
    const style = rule.style;
    // content-visibility: hidden on any element hides its bare children while it shows.
    if (style && hidesInside(style)) return false;
    if (style && hidesSelf(style)) {
      // A keyframe (no selector) that sets display could apply to anything.
      const subjects = typeof rule.selectorText === 'string' ? subjectsOf(rule.selectorText) : null;
      if (!subjects) return false;
      for (const subject of subjects) {
        const tag = bareTagOf(subject);
        if (tag === '*') return false;
        if (tag) tags.add(tag);
      }
    }
    // Grouping rules (@media, @supports, @layer, @container, @scope) and nested style rules.
    if (rule.cssRules && !readRules(rule.cssRules, tags)) return false;
  }
  return true;
}

/**
 * The tags of bare elements the style sheets of `doc` (linked, embedded, imported and adopted)
 * may hide, or 'any' when a sheet cannot be read (another origin's) or a rule could hide any
 * element. Media queries are not weighed: a rule that may apply is taken as applying.
 */
export function tagsSheetsMayHide(doc: Document): SheetHides {
  const tags = new Set<string>();
  try {
    const sheets: CSSStyleSheet[] = [...Array.from(doc.styleSheets), ...(doc.adoptedStyleSheets ?? [])];
    for (const sheet of sheets) if (!sheet.disabled && !readRules(sheet.cssRules, tags)) return 'any';
  } catch {
    // Reading the rules of another origin's sheet throws.
    return 'any';
  }
  return tags;
}
