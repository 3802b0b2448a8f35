/**
 * Registry ids found by their UTF-8 bytes, so a row's unit is matched where it lies in the input,
 * without decoding it or building a string per row. Equal UTF-8 bytes are equal text.
 */
const EMPTY = -1;

export class UnitTable {
  private readonly encoded: Uint8Array[] = [];
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** Ids by number; only those `take` accepts can be found. */
  constructor(ids: readonly string[], take: (id: string) => boolean) {
    const encoder = new TextEncoder();
    // At most half full, so a probe for an unknown id stops soon.
    const size = 2 ** Math.ceil(Math.log2(Math.max(2, ids.length * 2)));
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
    ids.forEach((id, number) => {
      const bytes = encoder.encode(id);
      this.encoded[number] = bytes;
      if (!take(id)) return;
      let slot = hash(bytes, 0, bytes.length) & this.mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot] = number;
    });
  }

  /** The number of the id written in `bytes` from `start` to `end`, or -1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    for (let slot = hash(bytes, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const number = this.slots[slot]!;
      if (number === EMPTY || equal(bytes, start, end, this.encoded[number]!)) return number;
    }
  }
}

/** FNV-1a. */
function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function equal(bytes: Uint8Array, start: number, end: number, id: Uint8Array): boolean {
  if (end - start !== id.length) return false;
  for (let i = 0; i < id.length; i++) if (bytes[start + i] !== id[i]) return false;
  return true;
}
