/**
 * What a figure measures, read from its sentence: `办理建设工程规划许可证55个` measures
 * 建设工程规划许可证; `136个村` counts 村. Pure, so the card and the tests see the same label.
 */

const CLAUSE_BREAK = /[，。；：、！？!?;:\n（(）)“”"「」]/;
const LEAD_VERBS = ['累计', '共计', '全年', '全市', '全县', '全区', '其中', '共', '为', '有', '约'];
/** Verbs that end the subject of a clause: the label is what follows the last of them. */
const VERBS = ['办理', '完成', '新增', '实现', '达到', '审批', '发放', '组织', '开展', '举办', '培训', '受理', '核发', '出让', '投入', '争取', '落实', '帮助', '建成', '处置', '排查', '收到', '接待', '参加', '参与', '覆盖', '吸引', '招聘', '录取', '评选', '表彰', '划拨', '挂牌', '整治', '修复', '治理', '改造', '提供', '培养', '认定', '获得', '荣获'];
const TAIL_WORDS = ['累计', '共计', '分别', '达到', '超过', '总计', '合计', '约为', '达', '为', '是', '共', '约', '近', '超', '有', '计', '了', '的', '等'];

function afterLastVerb(s: string): string {
  let cut = 0;
  for (const v of VERBS) {
    const at = s.lastIndexOf(v);
    if (at !== -1 && at + v.length > cut && s.length - (at + v.length) >= 2) cut = at + v.length;
  }
  return s.slice(cut);
}

function stripLead(s: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of LEAD_VERBS) {
      if (s.startsWith(v) && s.length > v.length + 1) {
        s = s.slice(v.length);
        changed = true;
      }
    }
  }
  return s;
}

function stripTail(s: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of TAIL_WORDS) {
      if (s.endsWith(w) && s.length > w.length) {
        s = s.slice(0, -w.length);
        changed = true;
      }
    }
  }
  return s;
}

/** The phrase a figure at [start, end) counts, or '' when the sentence gives none. */
export function figureLabel(text: string, start: number, end: number): string {
  if (!/[\u4e00-\u9fff]/.test(text.slice(Math.max(0, start - 2), end + 2))) {
    // English: the word right after the number ("1,200 people"), else the words before it.
    const after = /^\s*([a-z][\w-]*)/.exec(text.slice(end, end + 40));
    if (after && !/^(of|in|on|at|to|for|and|or|the|a|an|from|by|with|last|this|next|per)$/.test(after[1])) return after[1];
    const before = /((?:[A-Za-z][\w-]*\s){1,3})$/.exec(text.slice(Math.max(0, start - 40), start));
    return before ? before[1].trim() : '';
  }
  let from = start;
  while (from > 0 && start - from < 24 && !CLAUSE_BREAK.test(text[from - 1])) from--;
  const before = stripTail(stripLead(afterLastVerb(text.slice(from, start).trim())));
  if (before.length >= 2 && before.length <= 16 && !/\d/.test(before)) return before;
  let to = end;
  while (to < text.length && to - end < 8 && !CLAUSE_BREAK.test(text[to])) to++;
  const after = text.slice(end, to).replace(/^[的之]/, '').trim();
  const noun = /^[\u4e00-\u9fff]{1,6}/.exec(after);
  return noun ? noun[0] : before.slice(-12);
}

/** The sentence around [start, end): from the previous sentence end to the next. */
export function sentenceAround(text: string, start: number, end: number, max = 200): string {
  const stop = /[。！？!?\n]/;
  let from = start;
  while (from > 0 && start - from < max && !stop.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < max && !stop.test(text[to])) to++;
  if (to < text.length && /[。！？!?]/.test(text[to])) to++;
  return text.slice(from, to).trim();
}
