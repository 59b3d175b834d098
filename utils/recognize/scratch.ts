/**
 * Reusable zeroed byte buffers for one synchronous pass. News texts are short (a median of ~50
 * characters), so allocating a fresh typed array per call costs more than the scan that uses it.
 */

/** Texts longer than this get a buffer of their own: a huge page should not pin its memory. */
const KEEP_MAX = 1 << 16;

/** A byte buffer one caller reuses across calls; never shared between callers that run nested. */
export class ScratchBytes {
  private buf = new Uint8Array(256);

  /** A buffer whose first `length` bytes are 0 (zeroed here, so a pass that threw leaves no trace). */
  zeroed(length: number): Uint8Array {
    if (length > KEEP_MAX) return new Uint8Array(length);
    if (this.buf.length < length) this.buf = new Uint8Array(Math.max(length, this.buf.length * 2));
    return this.buf.fill(0, 0, length);
  }
}
