/**
 * Viterbi decoding of the character tagger: n-gram rows → int8 emission scores → best BIOES path under
 * hard transition constraints. Each char, pair and triple of the text is looked up once (its row holds
 * the weights for every position it is seen from); linear in the text; buffers are reused between calls.
 */
import { lookup, triKey, type RuntimeModel } from './codec';
import { slotOf } from './key-table';
import { C_HAN, C_NUM, C_PAD, C_PUNCT, C_SPACE, CLASS, F_END2, F_ORG1, F_SUR, Featurizer, lexTables, MAXD, norm, NT as NT_, PAD as PAD_ } from './features';
import { highLane, lowLane, PW } from './packed-rows';
import { ContextMemo, MEMO_BITS, memoSlot } from './context-memo';
import { CharMisc, SUR_AT } from './char-misc';
import { FoldedRows, OUTER_AT } from './folded-rows';
import { CHAR_SLOTS, MISC_AT, newCharSlots, ROW_AT } from './char-slots';
import { H, instantiateKernel, KernelArena, kernelModule, PLAIN_ARENA, type KernelExports } from './kernel';

// local copies: imported bindings compile to getters under some loaders, too slow for the hot loop
const NT: number = NT_;
const PAD: number = PAD_;

/** A tagged name span: UTF-16 offsets, end exclusive. */
export interface TagSpan { type: 'person' | 'org'; start: number; end: number }

/**
 * The score of a tag no path can be in yet (I-*, E-* on the first char): far below any real score, and an
 * int32 like them, so V8 keeps the whole Viterbi step in integer registers (a -1e18 made every score a double).
 */
const UNREACHABLE = -(1 << 29);

const closed = (t: number) => t === 0 || t === 3 || t === 4 || t === 7 || t === 8; // O, E-*, S-*
const opens = (t: number) => t === 0 || t === 1 || t === 4 || t === 5 || t === 8; // O, B-*, S-*

/** allowed[prev * NT + next] (row NT = start): BIOES well-formedness, shared with the trainer. */
export const ALLOWED = (() => {
  const a = new Uint8Array((NT + 1) * NT);
  for (let p = 0; p <= NT; p++) {
    for (let n = 0; n < NT; n++) {
      if (p === NT || closed(p)) a[p * NT + n] = opens(n) ? 1 : 0;
      else {
        const base = p < 5 ? 1 : 5; // B/I of a type continue with I or E of the same type
        a[p * NT + n] = n === base + 1 || n === base + 2 ? 1 : 0;
      }
    }
  }
  return a;
})();
/** Tags a path may end on (O, E-*, S-*). */
export const CAN_END = new Uint8Array([1, 0, 0, 1, 1, 0, 0, 1, 1]);

// predecessor lists per tag, flattened: PRED[PSTART[t] .. PSTART[t + 1])
const PSTART = new Int32Array(NT + 1);
const PRED = (() => {
  const out: number[] = [];
  for (let t = 0; t < NT; t++) {
    PSTART[t] = out.length;
    for (let p = 0; p < NT; p++) if (ALLOWED[p * NT + t]) out.push(p);
  }
  PSTART[NT] = out.length;
  return Int32Array.from(out);
})();

// A char's backpointers in one int32: the predecessor of O, B-P, S-P, B-O, S-O (one of O, E-*, S-*) as a
// 4-bit tag at bits 0, 4, 8, 12, 16; that of I-P, E-P (B-P or I-P) and I-O, E-O (B-O or I-O) as one bit
// at 20 .. 23 (set: the I-). Predecessor of tag t = BP_BASE[t] + (word >>> BP_SHIFT[t] & BP_MASK[t]).
const BP_SHIFT = new Int32Array([0, 4, 20, 21, 8, 12, 22, 23, 16]);
const BP_MASK = new Int32Array([15, 15, 1, 1, 15, 15, 1, 1, 15]);
const BP_BASE = new Int32Array([0, 0, 1, 1, 0, 0, 5, 5, 0]);

/**
 * Chars the JS loop tags before the decoder sets up its WebAssembly kernel: the kernel's memory and the
 * copies into it cost a few ms (and its caches fill again), which a reader of one short article never
 * earns back; past this, every further article is tagged faster.
 */
export const KERNEL_AFTER = 1 << 16;

/** Positions above which the arrays shrink again for a text that needs under an eighth of them. */
const SHRINK_ABOVE = 1 << 20;

/** The kernel as a decoder holds it: its entries, the view it reads the text from, its header, and the two arenas it must find unmoved. */
type WiredKernel = KernelExports & { text: Uint16Array; header: Int32Array; rows: Int32Array; misc: Int32Array };

/** A reusable tagger over one decoded model; keeps its buffers between calls. */
export class Decoder {
  private feat: Featurizer;
  private prev = new Float64Array(NT);
  // made by build(), sized for `cap` padded positions (the kernel reads them in its memory):
  private bp!: Int32Array; // the 9 best predecessors of each char, packed (see BP_SHIFT)
  private tags!: Uint8Array; // the best path's tag of each char
  private uo!: Int32Array; // outer row (./folded-rows.ts OUTER_AT; 0 = the zero row) of the char at each padded position
  private mo!: Int32Array; // folded row (./folded-rows.ts) of the n-grams starting there
  private corr!: Int32Array; // PW packed words per padded position: unfolded triples, else zeros
  private memo!: ContextMemo;
  private charMisc!: CharMisc;
  private folded!: FoldedRows;
  private cap = 0;
  /** The WebAssembly kernel over these arrays (null: the JS loops run). */
  private kernel: WiredKernel | null = null;
  /** Chars tagged so far by the JS loop, until the kernel takes over (tried once: it may be unavailable here). */
  private tagged = 0;
  private kernelTried = false;
  /**
   * kernelAfter: chars the JS loop tags before the WebAssembly kernel is set up (KERNEL_AFTER; Infinity:
   * never, the reference the kernel is tested against; 0: at once).
   */
  constructor(private m: RuntimeModel, private readonly kernelAfter = KERNEL_AFTER) {
    this.feat = new Featurizer(lexTables(m.lex));
    this.build(1 << 12, false);
  }

  /**
   * Makes the arrays for texts of up to cap - 2 × PAD - 2 chars and the lazily filled caches, in the
   * kernel's memory when WebAssembly runs here (its size is fixed: a longer text builds all anew, and
   * the caches fill again in a few texts), else as plain arrays.
   */
  private build(cap: number, withKernel: boolean): void {
    const m = this.m, module = withKernel ? kernelModule() : null;
    const foldedWords = FoldedRows.wordsFor(m.counts), miscWords = CharMisc.wordsFor(m.counts), flags = this.feat.flags, end2 = this.feat.lex.end2;
    const triMarks = FoldedRows.markWordsFor(m.w) * 4;
    let arena: KernelArena | null = null;
    try {
      if (module) arena = new KernelArena(KernelArena.bytesFor([
        // the caches (char slots, memo keys and sums, misc blocks, folded rows, pair entries, triple marks)
        65536 * CHAR_SLOTS * 4, ContextMemo.WORDS * 4, miscWords * 4, foldedWords * 4, m.bi.slots.byteLength, triMarks, triMarks,
        // per position: codes, classes, distances, surname flags, outer and folded rows, triples, back-pointers, the text, tags
        cap * 4, cap, cap, cap, cap * 4, cap * 4, cap * PW * 4, cap * 4, cap * 2, cap,
        // copies of what only the kernel reads there: weights, tables, the featurizer's tables, the char index
        m.w.byteLength, m.skip.slots.byteLength, m.skip.filter.byteLength, m.bi.filter.byteLength, m.tri.slots.byteLength, m.tri.filter.byteLength,
        CLASS.byteLength, flags.byteLength, m.uni.byteLength, end2.slots.byteLength,
      ]));
    } catch {
      arena = null; // no memory that large here: the JS loop on plain arrays
    }
    const a = arena ?? PLAIN_ARENA;
    const charSlots = newCharSlots(a);
    this.memo = new ContextMemo(m.misc, m.w, a);
    this.charMisc = new CharMisc(m.misc, charSlots, arena?.i32(miscWords));
    this.folded = new FoldedRows(m.w, m.uni, m.bi, charSlots, a, arena ? foldedWords : 0);
    this.feat.adopt(a.i32(cap), a.u8(cap), a.u8(cap), a.u8(cap));
    this.uo = a.i32(cap);
    this.mo = a.i32(cap);
    this.corr = a.i32(cap * PW);
    this.bp = a.i32(cap);
    this.tags = a.u8(cap);
    this.cap = cap;
    this.kernel = module && arena ? this.wireKernel(module, arena, charSlots) : null;
  }

  /**
   * Copies what only the kernel reads into its memory, writes the header that tells it where everything
   * is (./kernel.ts H), and instantiates it with the caches' miss handlers.
   */
  private wireKernel(module: WebAssembly.Module, arena: KernelArena, charSlots: Int32Array): WiredKernel {
    const m = this.m, flags = this.feat.flags, end2 = this.feat.lex.end2, cap = this.cap;
    const text = arena.u16(cap);
    const copy = <T extends Int32Array | Uint8Array>(from: T): T => {
      const to = (from instanceof Int32Array ? arena.i32(from.length) : arena.u8(from.length)) as T;
      to.set(from);
      return to;
    };
    const h = arena.header, at = (v: ArrayBufferView) => v.byteOffset;
    h[H.W] = at(copy(m.w)); h[H.FOLDED] = at(this.folded.rows); h[H.MISC] = at(this.charMisc.entries); h[H.CHAR_SLOTS] = at(charSlots);
    h[H.MEMO_KEYS] = at(this.memo.keys); h[H.MEMO_SUMS] = at(this.memo.sums); h[H.MEMO_SHIFT] = 32 - MEMO_BITS;
    h[H.SKIP_SLOTS] = at(copy(m.skip.slots)); h[H.SKIP_FILTER] = at(copy(m.skip.filter));
    h[H.SKIP_SHIFT] = m.skip.shift; h[H.SKIP_MASK] = m.skip.mask; h[H.SKIP_FSHIFT] = m.skip.fshift;
    h[H.C] = at(this.feat.c); h[H.K] = at(this.feat.k); h[H.S] = at(this.feat.s); h[H.DR] = at(this.feat.dr);
    h[H.UO] = at(this.uo); h[H.MO] = at(this.mo); h[H.CORR] = at(this.corr); h[H.BP] = at(this.bp);
    for (let t = 1; t < NT; t++) h[(t & 1 ? H.BIAS_LOW : H.BIAS_HIGH) + ((t - 1) >> 1)] = m.bias[t] - m.bias[0];
    h.set(m.trans, H.TRANS);
    // the Viterbi step's vectors: transitions into O, B-P, S-P, B-O from each of O, E-P, S-P, E-O, S-O, then
    // into I-P, E-P, I-O, E-O from B-* and from I-*, the back-pointer codes of those, and the start row
    const tr = (from: number, to: number) => m.trans[from * NT + to], into = [0, 1, 4, 5];
    h.set([
      ...[0, 3, 4, 7, 8].flatMap((j) => into.map((t) => tr(j, t))),
      tr(1, 2), tr(1, 3), tr(5, 6), tr(5, 7), tr(2, 2), tr(2, 3), tr(6, 6), tr(6, 7),
      ...[3, 4, 7, 8].flatMap((j) => [j, j << 4, j << 8, j << 12]),
      1 << 20, 1 << 21, 1 << 22, 1 << 23,
      ...into.map((t) => tr(NT, t)),
    ], H.VITERBI);
    h[H.TEXT] = at(text); h[H.CLASS] = at(copy(CLASS)); h[H.FLAGS] = at(copy(flags)); h[H.UNI] = at(copy(m.uni));
    h[H.END2] = at(copy(end2.slots)); h[H.END2_SHIFT] = end2.shift; h[H.END2_MASK] = end2.mask;
    const pairs = this.folded.pairs, marks = this.folded.tripleMarks;
    h[H.PAIR_SLOTS] = at(pairs.slots); h[H.PAIR_FILTER] = at(copy(pairs.filter));
    h[H.PAIR_SHIFT] = pairs.shift; h[H.PAIR_MASK] = pairs.mask; h[H.PAIR_FSHIFT] = pairs.fshift;
    h[H.TRI_SLOTS] = at(copy(m.tri.slots)); h[H.TRI_FILTER] = at(copy(m.tri.filter));
    h[H.TRI_SHIFT] = m.tri.shift; h[H.TRI_MASK] = m.tri.mask; h[H.TRI_FSHIFT] = m.tri.fshift;
    h[H.TRI_AT] = at(marks.at); h[H.TRI_WITH] = at(marks.with);
    h[H.TAGS] = at(this.tags);
    h.set(BP_BASE, H.BP_TABLES); h.set(BP_SHIFT, H.BP_TABLES + NT); h.set(BP_MASK, H.BP_TABLES + 2 * NT);
    const folded = this.folded;
    const exports = instantiateKernel(module, arena, {
      memoFill: (slot, ctx) => this.memo.fill(slot, ctx),
      miscBlock: (ch) => this.charMisc.block(ch),
      charRow: (ch) => folded.char(ch),
      pairRow: (ch, slot) => folded.pair(ch, slot),
      tripleRow: (ch, pair, entry) => folded.triple(ch, pair, entry),
    });
    return { ...exports, text, header: h, rows: folded.rows, misc: this.charMisc.entries };
  }

  /** Padded positions the arrays hold now: they grow for a longer text and shrink again after a huge one. */
  get capacity(): number {
    return this.cap;
  }

  /** Whether tagging runs in the WebAssembly kernel now (false: the JS loop; see KERNEL_AFTER). */
  get runsKernel(): boolean {
    return this.kernel !== null;
  }

  /** Tags text and returns sorted, non-overlapping person/org spans. */
  tag(text: string): TagSpan[] {
    const n = text.length;
    if (n === 0) return [];
    const need = n + 2 * PAD + 2;
    if (!this.kernelTried && (this.tagged += n) >= this.kernelAfter) {
      this.kernelTried = true;
      this.build(Math.max(this.cap, need), true);
    }
    else if (need > this.cap) this.build(Math.max(2 * this.cap, need), this.kernelTried);
    // After a huge text (its arrays take ~38 bytes a char in the kernel's memory), a far shorter one
    // gives that memory back: the rebuild costs a few ms, little beside tagging the huge text.
    else if (this.cap > SHRINK_ABOVE && need * 8 < this.cap) this.build(Math.max(1 << 12, 2 * need), this.kernelTried);
    const kernel = this.kernel;
    let extra: boolean;
    if (kernel !== null) {
      const codes = kernel.text;
      for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
      extra = kernel.scan(n) !== 0;
      kernel.tag(n, extra ? 1 : 0);
      for (let t = 0; t < NT; t++) this.prev[t] = kernel.header[H.OUT + t];
      // The arenas never move (sized for the whole model); if one did, the kernel read a stale copy: drop it.
      if (kernel.rows !== this.folded.rows || kernel.misc !== this.charMisc.entries) {
        this.kernel = null;
        return this.tag(text);
      }
    } else {
      extra = this.scan(text, n);
      this.loop(n, extra);
    }
    if (extra) this.corr.fill(0, 0, (n + 2 * PAD) * PW);
    return this.backtrack(text, n);
  }

  /** The Viterbi pass in JS over what scan() wrote: the kernel's reference; leaves the last char's scores in `prev`. */
  private loop(n: number, extra: boolean): void {
    const m = this.m, trans = m.trans, w = m.w, skip = m.skip;
    const charMisc = this.charMisc, charSlots = this.folded.charAt, memo = this.memo, ctxKeys = memo.keys, ctxSums = memo.sums;
    let cm = charMisc.entries;
    const bp = this.bp, feat = this.feat, uo = this.uo, mo = this.mo, corr = this.corr;
    const c = feat.c, k = feat.k, s = feat.s, dr = feat.dr, folded = this.folded;
    const fw = folded.rows;
    const bias = m.bias;
    // scores relative to O, as the packed rows hold them (./packed-rows.ts)
    const a1 = bias[1] - bias[0], a2 = bias[2] - bias[0], a3 = bias[3] - bias[0], a4 = bias[4] - bias[0],
      a5 = bias[5] - bias[0], a6 = bias[6] - bias[0], a7 = bias[7] - bias[0], a8 = bias[8] - bias[0];
    // the 33 allowed transitions in locals, prev scores in v0..v8: the Viterbi step is fully unrolled
    const t00 = trans[0], t01 = trans[1], t04 = trans[4], t05 = trans[5], t08 = trans[8], t12 = trans[11],
      t13 = trans[12], t22 = trans[20], t23 = trans[21], t30 = trans[27], t31 = trans[28], t34 = trans[31],
      t35 = trans[32], t38 = trans[35], t40 = trans[36], t41 = trans[37], t44 = trans[40], t45 = trans[41],
      t48 = trans[44], t56 = trans[51], t57 = trans[52], t66 = trans[60], t67 = trans[61], t70 = trans[63],
      t71 = trans[64], t74 = trans[67], t75 = trans[68], t78 = trans[71], t80 = trans[72], t81 = trans[73],
      t84 = trans[76], t85 = trans[77], t88 = trans[80];
    let v0 = 0, v1 = 0, v2 = 0, v3 = 0, v4 = 0, v5 = 0, v6 = 0, v7 = 0, v8 = 0;
    // the context key's fields (./context-memo.ts contextKey) as windows slid one char a step, 3 loads a
    // char instead of 11: classes at -2..+2 (4 bits each, -2 lowest: k2 | tail), surname flags at -2..+1
    // (a bit each, -2 lowest), org-ending distances here and at -1 (at bits 24 and 28, as in the key);
    // set here as they are one char before the text, as the loop shifts the next char in first
    const q0 = PAD - 1;
    let kw = k[q0 - 2] | (k[q0 - 1] << 4) | (k[q0] << 8) | (k[q0 + 1] << 12) | (k[q0 + 2] << 16);
    let sw = s[q0 - 2] | (s[q0 - 1] << 1) | (s[q0] << 2) | (s[q0 + 1] << 3), dw = dr[q0] << 24;
    // the folded rows read here, slid the same way: sub-row k of the row at -2 + k is at mk (one load a char, not four)
    let m0 = mo[q0 - 2], m1 = mo[q0 - 1] + PW, m2 = mo[q0] + 2 * PW, m3 = mo[q0 + 1] + 3 * PW;
    let u3 = uo[q0 + 3] + 2 * PW; // the outer row of the char 3 on, at its sub-row 6
    let cPrev = c[q0 - 1], cHere = c[q0], cNext = c[q0 + 1]; // the chars at -1, 0, +1, slid too
    for (let i = 0; i < n; i++) {
      const p = i + PAD;
      kw = (kw >>> 4) | (k[p + 2] << 16);
      sw = (sw >>> 1) | (s[p + 1] << 3); // s at -2 .. +1 in bits 0 .. 3
      const d0 = dr[p];
      dw = ((dw << 4) & 0xf0000000) | (d0 << 24);
      const sur = (sw >>> 1) | ((sw & 1) << 3); // contextKey's order: -1, 0, +1, -2
      // the four context templates: one memo probe (probed here, not in a call: this loop is past V8's inlining budget)
      const ctx = kw | (sur << 20) | dw, slot = memoSlot(ctx);
      const x = ctxKeys[slot] === ctx ? slot * PW : memo.fill(slot, ctx);
      let s12 = ctxSums[x], s34 = ctxSums[x + 1], s56 = ctxSums[x + 2], s78 = ctxSums[x + 3];
      if (extra) { const o = p * PW; s12 += corr[o]; s34 += corr[o + 1]; s56 += corr[o + 2]; s78 += corr[o + 3]; }
      // sub-row k of the char k - 3 places on: its outer sub-rows (k = 0, 5, 6) from its outer row, the middle ones
      // (k = 1 .. 4) from the folded rows, with its pair and triple (the sums are written out: a list of
      // offsets summed afterwards, or a helper, measured 5-8% slower)
      { const r = uo[p - 3]; s12 += fw[r]; s34 += fw[r + 1]; s56 += fw[r + 2]; s78 += fw[r + 3]; }
      m0 = m1 - PW; m1 = m2 - PW; m2 = m3 - PW; m3 = mo[p + 1] + 3 * PW;
      s12 += fw[m0] + fw[m1] + fw[m2] + fw[m3]; s34 += fw[m0 + 1] + fw[m1 + 1] + fw[m2 + 1] + fw[m3 + 1];
      s56 += fw[m0 + 2] + fw[m1 + 2] + fw[m2 + 2] + fw[m3 + 2]; s78 += fw[m0 + 3] + fw[m1 + 3] + fw[m2 + 3] + fw[m3 + 3];
      const u2 = u3 - PW; // the char 2 on, at its sub-row 5: last step's char 3 on
      u3 = uo[p + 3] + 2 * PW;
      s12 += fw[u2] + fw[u3]; s34 += fw[u2 + 1] + fw[u3 + 1]; s56 += fw[u2 + 2] + fw[u3 + 2]; s78 += fw[u2 + 3] + fw[u3 + 3];
      // one-sub-row keys: the skip pair and the two per-char misc templates, added without a branch (an
      // absent one, entry 0, reads the zero row): each is there for some chars and not others, and the
      // mispredicted branches cost more than the loads (measured 3-5% of the tagger)
      cPrev = cHere; cHere = cNext; cNext = c[p + 1];
      let cb = charSlots[CHAR_SLOTS * cHere + MISC_AT]; // next to the char's folded row, met in scan()
      if (cb === 0) { cb = charMisc.block(cHere); cm = charMisc.entries; }
      const ea = lookup(skip, (cPrev << 16) | cNext), eb = cm[cb + d0], ec = cm[cb + SUR_AT + sur];
      s12 += w[ea] + w[eb] + w[ec]; s34 += w[ea + 1] + w[eb + 1] + w[ec + 1];
      s56 += w[ea + 2] + w[eb + 2] + w[ec + 2]; s78 += w[ea + 3] + w[eb + 3] + w[ec + 3];
      const e0 = 0, e1 = a1 + lowLane(s12), e2 = a2 + highLane(s12), e3 = a3 + lowLane(s34), e4 = a4 + highLane(s34),
        e5 = a5 + lowLane(s56), e6 = a6 + highLane(s56), e7 = a7 + lowLane(s78), e8 = a8 + highLane(s78);
      if (i === 0) {
        const st = NT * NT;
        v0 = e0 + trans[st]; v1 = e1 + trans[st + 1]; v2 = UNREACHABLE; v3 = UNREACHABLE; v4 = e4 + trans[st + 4];
        v5 = e5 + trans[st + 5]; v6 = UNREACHABLE; v7 = UNREACHABLE; v8 = e8 + trans[st + 8];
        continue;
      }
      // best predecessor of each tag: O/B/S follow O/E/S; I/E follow B/I of the same type
      let b0 = v0 + t00, j0 = 0;
      if (v3 + t30 > b0) { b0 = v3 + t30; j0 = 3; }
      if (v4 + t40 > b0) { b0 = v4 + t40; j0 = 4; }
      if (v7 + t70 > b0) { b0 = v7 + t70; j0 = 7; }
      if (v8 + t80 > b0) { b0 = v8 + t80; j0 = 8; }
      let b1 = v0 + t01, j1 = 0;
      if (v3 + t31 > b1) { b1 = v3 + t31; j1 = 3 << 4; }
      if (v4 + t41 > b1) { b1 = v4 + t41; j1 = 4 << 4; }
      if (v7 + t71 > b1) { b1 = v7 + t71; j1 = 7 << 4; }
      if (v8 + t81 > b1) { b1 = v8 + t81; j1 = 8 << 4; }
      let b2 = v1 + t12, j2 = 0;
      if (v2 + t22 > b2) { b2 = v2 + t22; j2 = 1 << 20; }
      let b3 = v1 + t13, j3 = 0;
      if (v2 + t23 > b3) { b3 = v2 + t23; j3 = 1 << 21; }
      let b4 = v0 + t04, j4 = 0;
      if (v3 + t34 > b4) { b4 = v3 + t34; j4 = 3 << 8; }
      if (v4 + t44 > b4) { b4 = v4 + t44; j4 = 4 << 8; }
      if (v7 + t74 > b4) { b4 = v7 + t74; j4 = 7 << 8; }
      if (v8 + t84 > b4) { b4 = v8 + t84; j4 = 8 << 8; }
      let b5 = v0 + t05, j5 = 0;
      if (v3 + t35 > b5) { b5 = v3 + t35; j5 = 3 << 12; }
      if (v4 + t45 > b5) { b5 = v4 + t45; j5 = 4 << 12; }
      if (v7 + t75 > b5) { b5 = v7 + t75; j5 = 7 << 12; }
      if (v8 + t85 > b5) { b5 = v8 + t85; j5 = 8 << 12; }
      let b6 = v5 + t56, j6 = 0;
      if (v6 + t66 > b6) { b6 = v6 + t66; j6 = 1 << 22; }
      let b7 = v5 + t57, j7 = 0;
      if (v6 + t67 > b7) { b7 = v6 + t67; j7 = 1 << 23; }
      let b8 = v0 + t08, j8 = 0;
      if (v3 + t38 > b8) { b8 = v3 + t38; j8 = 3 << 16; }
      if (v4 + t48 > b8) { b8 = v4 + t48; j8 = 4 << 16; }
      if (v7 + t78 > b8) { b8 = v7 + t78; j8 = 7 << 16; }
      if (v8 + t88 > b8) { b8 = v8 + t88; j8 = 8 << 16; }
      bp[i] = j0 | j1 | j2 | j3 | j4 | j5 | j6 | j7 | j8; // one store a char instead of nine
      const z = b0; // renormalise against the O path so scores stay small over long texts
      v0 = e0; v1 = b1 - z + e1; v2 = b2 - z + e2; v3 = b3 - z + e3; v4 = b4 - z + e4;
      v5 = b5 - z + e5; v6 = b6 - z + e6; v7 = b7 - z + e7; v8 = b8 - z + e8;
    }
    const prev = this.prev;
    prev[0] = v0; prev[1] = v1; prev[2] = v2; prev[3] = v3; prev[4] = v4; prev[5] = v5; prev[6] = v6; prev[7] = v7; prev[8] = v8;
  }

  /** The best path back from the last char's scores (`prev`), as spans. */
  private backtrack(text: string, n: number): TagSpan[] {
    const m = this.m, prev = this.prev, bp = this.bp;
    let bt = 0, bs = -Infinity;
    for (let t = 0; t < NT; t++) {
      if (!CAN_END[t]) continue;
      const v = prev[t] + m.end[t];
      if (v > bs) { bs = v; bt = t; }
    }
    const tags = this.tags;
    if (this.kernel !== null) this.kernel.trace(n, bt);
    else for (let i = n - 1; i >= 0; i--) { tags[i] = bt; if (i > 0) bt = BP_BASE[bt] + ((bp[i] >>> BP_SHIFT[bt]) & BP_MASK[bt]); }
    return spansFromTags(text, tags, n);
  }

  /**
   * Featurizes text into the Featurizer's arrays and looks up each char, pair and triple (uo, mo, corr),
   * in one pass from the end: a pair and a triple read the chars after theirs, featurized a step before,
   * and the org-ending distance (Featurizer#load) is a right-to-left scan anyway; its one look back (the
   * pair ending at a char) waits a step, for the char before. One pass instead of three over the text
   * (Featurizer#load made two). Returns whether some triple went into `corr` (see FoldedRows#triple).
   * The kernel's `scan` does the same in WebAssembly; this one runs where the kernel does not.
   */
  private scan(text: string, n: number): boolean {
    const feat = this.feat;
    feat.ensure(n);
    const c = feat.c, k = feat.k, s = feat.s, dr = feat.dr, flags = feat.flags, end2 = feat.lex.end2, cls_ = CLASS;
    const N = n + 2 * PAD, last = n + PAD - 1, w = this.m.w, tri = this.m.tri, uo = this.uo, mo = this.mo;
    for (let i = 0; i < PAD; i++) {
      c[i] = 0x2; k[i] = C_PAD; dr[i] = MAXD + 1; s[i] = flags[2] & F_SUR;
      c[n + PAD + i] = 0x3; k[n + PAD + i] = C_PAD; dr[n + PAD + i] = MAXD + 1; s[n + PAD + i] = flags[3] & F_SUR;
    }
    // each char, pair and triple once: the char at q with the pair and triple starting there folded in (./folded-rows.ts), built on first sight
    const folded = this.folded, charAt = folded.charAt, pairs = folded.pairs, ps = pairs.slots;
    const corr = this.corr;
    let extra = false;
    let next = -1; // the nearest org ending at or after the position whose distance is pending
    for (let q = N - 1; q >= 0; q--) {
      let a: number;
      if (q >= PAD && q <= last) {
        const raw = text.charCodeAt(q - PAD), cls = cls_[raw];
        a = cls === C_HAN || cls === C_NUM ? raw : norm(raw, cls);
        c[q] = a; k[q] = cls; s[q] = flags[a] & F_SUR;
      } else a = c[q];
      const p = q + 1; // the distance of the char after: its pair with this char is known now
      if (p >= PAD && p <= last) {
        const cls = k[p];
        if (cls === C_PUNCT || cls === C_SPACE) { next = -1; dr[p] = MAXD + 1; }
        else {
          const code = c[p], f = flags[code];
          if ((f & F_ORG1) !== 0 || ((f & F_END2) !== 0 && p > PAD && end2.has((a << 16) | code))) next = p;
          const d = next < 0 ? MAXD : next - p;
          dr[p] = d > MAXD ? MAXD : d;
        }
      }
      const sp = q + 1 < N ? slotOf(pairs, (a << 16) | c[q + 1]) : -1;
      let u = charAt[CHAR_SLOTS * a + ROW_AT]; // the char's rows (built on first sight); u = 0: none, reads the zero row
      if (u === 0) u = folded.char(a);
      uo[q] = u === 0 ? 0 : u + OUTER_AT;
      const t = q + 2 < N ? lookup(tri, triKey(a, c[q + 1], c[q + 2])) : 0;
      let po = 0; // the folded row of the char and pair: its entry in `pairs` once built
      if (sp >= 0) { const v = ps[sp + 1]; po = v < 0 ? -v : folded.pair(a, sp); }
      let o = t !== 0 ? folded.triple(a, po, t) : 0;
      if (o === 0) {
        if (t !== 0) {
          addTriple(corr, w, t, q);
          extra = true;
        }
        if (po !== 0) o = po;
        else o = u;
      }
      mo[q] = o;
    }
    return extra;
  }
}

/** Adds the triple with entry t starting at padded position q to the positions that read it (q .. q + 2). */
function addTriple(corr: Int32Array, w: Int32Array, t: number, q: number): void {
  for (let k = 0; k < 3; k++) for (let j = 0; j < PW; j++) corr[(q + 2 - k) * PW + j] += w[t + PW * k + j];
}

/** Turns a BIOES tag row into spans, never splitting a surrogate pair. */
export function spansFromTags(text: string, tags: Uint8Array, n: number): TagSpan[] {
  const out: TagSpan[] = [];
  let start = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === 1 || t === 5) start = i;
    else if (t === 4 || t === 8) push(out, text, t === 4 ? 'person' : 'org', i, i + 1);
    else if ((t === 3 || t === 7) && start >= 0) { push(out, text, t === 3 ? 'person' : 'org', start, i + 1); start = -1; }
    else if (t === 0) start = -1;
  }
  return out;
}

function push(out: TagSpan[], text: string, type: 'person' | 'org', s: number, e: number): void {
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
  if (e < text.length && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1))) e++;
  const last = out[out.length - 1];
  if (last && last.end > s) return;
  out.push({ type, start: s, end: e });
}
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
