/**
 * Duplicate detection with bounded memory: an open-addressing set of 64-bit key hashes in typed
 * arrays (12 bytes per slot, load ≤ 0.7), so 1M distinct sku+location keys cost ~25 MB instead of
 * ~100 MB for a Set<string> of the key strings. Memory grows only with the number of distinct keys,
 * never with the number of rows.
 *
 * Trade-off: two different keys with equal 64-bit hashes would be reported as a duplicate. For n
 * distinct keys the chance is about n²/2^65 (≈3e-8 at 1M keys); the rejection names the first line
 * so a human can see it.
 */

let H1 = 0;
let H2 = 0;

/** Hashes sku and location (cyrb53-style mixing, both 32-bit lanes kept) into H1/H2. */
function hashKey(sku: string, location: string): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < sku.length; i++) {
    const c = sku.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  // 0x10000 is not a UTF-16 code unit, so ("ab","c") and ("a","bc") hash apart.
  h1 = Math.imul(h1 ^ 0x10000, 2654435761);
  h2 = Math.imul(h2 ^ 0x10000, 1597334677);
  for (let i = 0; i < location.length; i++) {
    const c = location.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  H1 = h1 >>> 0;
  H2 = h2 >>> 0;
}

export class SeenKeys {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** Line of the first occurrence; 0 marks an empty slot (lines are 1-based). */
  private ln: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    let cap = 16;
    while (cap < initialCapacity) cap <<= 1;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.ln = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  /** Records the key at `line` and returns 0, or returns the line where it was first seen. */
  check(sku: string, location: string, line: number): number {
    hashKey(sku, location);
    const h1 = H1;
    const h2 = H2;
    const { hi, lo, ln, mask } = this;
    let i = h1 & mask;
    for (;;) {
      const l = ln[i]!;
      if (l === 0) break;
      if (hi[i] === h1 && lo[i] === h2) return l;
      i = (i + 1) & mask;
    }
    hi[i] = h1;
    lo[i] = h2;
    ln[i] = line > 0xffffffff ? 0xffffffff : line; // past 4G lines only the reported line saturates
    if (++this.size * 10 > (mask + 1) * 7) this.grow();
    return 0;
  }

  get bytes(): number {
    return (this.mask + 1) * 12;
  }

  private grow(): void {
    const { hi, lo, ln } = this;
    const cap = (this.mask + 1) * 2;
    const mask = cap - 1;
    const nhi = new Uint32Array(cap);
    const nlo = new Uint32Array(cap);
    const nln = new Uint32Array(cap);
    for (let j = 0; j < ln.length; j++) {
      const l = ln[j]!;
      if (l === 0) continue;
      const h1 = hi[j]!;
      let i = h1 & mask;
      while (nln[i] !== 0) i = (i + 1) & mask;
      nhi[i] = h1;
      nlo[i] = lo[j]!;
      nln[i] = l;
    }
    this.hi = nhi;
    this.lo = nlo;
    this.ln = nln;
    this.mask = mask;
  }
}
