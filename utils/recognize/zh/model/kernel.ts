/**
 * The decoder's hot loops as WebAssembly (./decode-kernel.wat, assembled into ./decode-kernel.wasm.ts):
 * where the decoder's arrays live (an Arena: plain typed arrays, or views into the kernel's memory) and
 * the header through which the kernel finds them. The JS loops in ./decode.ts stay as the fallback where
 * WebAssembly with SIMD is missing or forbidden, and as the reference the kernel is tested against.
 */
import { kernelBytes } from './decode-kernel.wasm';

/** Where the decoder's arrays come from; views into one memory for the kernel, else fresh typed arrays. */
export interface Arena {
  i32(words: number): Int32Array<ArrayBuffer>;
  u8(bytes: number): Uint8Array<ArrayBuffer>;
}

/** Fresh typed arrays: the JS loop's arena. */
export const PLAIN_ARENA: Arena = { i32: (words) => new Int32Array(words), u8: (bytes) => new Uint8Array(bytes) };

/** Header word indices, as decode-kernel.wat reads them: byte addresses of the regions, then constants. */
export const H = {
  W: 0, FOLDED: 1, MISC: 2, CHAR_SLOTS: 3, MEMO_KEYS: 4, MEMO_SUMS: 5, SKIP_SLOTS: 6, SKIP_FILTER: 7,
  SKIP_SHIFT: 8, SKIP_MASK: 9, SKIP_FSHIFT: 10, C: 11, K: 12, S: 13, DR: 14, UO: 15, MO: 16, CORR: 17, BP: 18,
  /** 32 - MEMO_BITS: the memo slot is the top bits of the context's hash. */
  MEMO_SHIFT: 19,
  /** Biases of tags 1, 3, 5, 7 minus that of O (one v128), then of tags 2, 4, 6, 8. */
  BIAS_LOW: 20, BIAS_HIGH: 24,
  /** The (NT + 1) × NT transitions, start row last. */
  TRANS: 40,
  /** The kernel writes the last char's nine scores here. */
  OUT: 132,
  // what scan reads: the text's UTF-16 codes, the featurizer's tables, the char index, the two-char org
  // endings (a PairSet), the pair and triple tables and the triple marks of FoldedRows
  TEXT: 141, CLASS: 142, FLAGS: 143, UNI: 144, END2: 145, END2_SHIFT: 146, END2_MASK: 147,
  PAIR_SLOTS: 148, PAIR_FILTER: 149, PAIR_SHIFT: 150, PAIR_MASK: 151, PAIR_FSHIFT: 152,
  TRI_SLOTS: 153, TRI_FILTER: 154, TRI_SHIFT: 155, TRI_MASK: 156, TRI_FSHIFT: 157, TRI_AT: 158, TRI_WITH: 159,
  /** The Viterbi step's constant vectors (52 words, 16-byte aligned): see Decoder#wireKernel. */
  VITERBI: 160,
  /** Where `trace` writes the tags (a byte a char), then BP_BASE, BP_SHIFT, BP_MASK of ./decode.ts (9 words each). */
  TAGS: 212, BP_TABLES: 213,
} as const;
const HEADER_BYTES = 1024;
/** Regions start on a cache line. */
const ALIGN = 64;
const PAGE = 65536;

/** Bump-allocated views into one WebAssembly.Memory sized up front (the decoder knows every size it needs). */
export class KernelArena implements Arena {
  readonly memory: WebAssembly.Memory;
  readonly header: Int32Array;
  private at = HEADER_BYTES;
  constructor(private readonly bytes: number) {
    this.memory = new WebAssembly.Memory({ initial: Math.ceil((HEADER_BYTES + bytes) / PAGE) });
    this.header = new Int32Array(this.memory.buffer, 0, HEADER_BYTES >> 2);
  }

  /** Bytes to ask for so that these allocations fit (each rounded up to ALIGN). */
  static bytesFor(sizes: number[]): number {
    return sizes.reduce((sum, b) => sum + Math.ceil(b / ALIGN) * ALIGN, 0);
  }

  i32(words: number): Int32Array<ArrayBuffer> {
    return new Int32Array(this.memory.buffer, this.take(words * 4), words);
  }

  u8(bytes: number): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.memory.buffer, this.take(bytes), bytes);
  }

  /** UTF-16 codes: only the kernel's text is kept this way. */
  u16(count: number): Uint16Array<ArrayBuffer> {
    return new Uint16Array(this.memory.buffer, this.take(count * 2), count);
  }

  private take(bytes: number): number {
    const at = this.at;
    this.at += Math.ceil(bytes / ALIGN) * ALIGN;
    if (this.at > HEADER_BYTES + this.bytes) throw new Error('kernel arena: allocation beyond the size asked for');
    return at;
  }
}

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled kernel, or null where WebAssembly with SIMD is unavailable or forbidden (a page's CSP,
 * an old engine): the decoder then runs its JS loops. Compiled once, synchronously: Chrome allows that
 * on a main thread (a page, the popup) only for modules under 4 KiB (a unit test keeps this one under).
 */
export function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = typeof WebAssembly === 'object' ? kernelBytes() : null;
    compiled = bytes && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** The kernel's entries: scan(n) → 1 when corr holds triples, then tag(n, extra), then trace(n, lastTag) (see decode-kernel.wat). */
export interface KernelExports {
  scan(n: number): number;
  tag(n: number, extra: number): void;
  trace(n: number, lastTag: number): void;
}

/** What the kernel calls back for on a cache miss: the decoder's ContextMemo, CharMisc and FoldedRows. */
export interface KernelMisses {
  memoFill(slot: number, ctx: number): number;
  miscBlock(c: number): number;
  charRow(c: number): number;
  pairRow(c: number, slot: number): number;
  tripleRow(c: number, pairRow: number, entry: number): number;
}

/** Instantiates the kernel on an arena's memory, with the decoder's miss handlers. */
export function instantiateKernel(module: WebAssembly.Module, arena: KernelArena, misses: KernelMisses): KernelExports {
  const instance = new WebAssembly.Instance(module, { env: { memory: arena.memory, ...misses } });
  return instance.exports as unknown as KernelExports;
}
