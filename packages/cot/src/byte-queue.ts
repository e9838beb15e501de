/**
 * A growable byte FIFO for the stream decoders. Appending is amortised O(1) (capacity doubles, consumed bytes are
 * compacted away), so a 64 KiB event arriving one byte per packet costs linear, not quadratic, copying.
 */
export class ByteQueue {
  /** Backing store; valid bytes are `data[head, tail)`. */
  data = new Uint8Array(1024);
  head = 0;
  tail = 0;

  /** Bytes held. */
  get length(): number {
    return this.tail - this.head;
  }

  /** Appends a copy of `chunk`. */
  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const length = this.length;
    if (this.tail + chunk.length > this.data.length) {
      if (length + chunk.length <= this.data.length / 2) {
        this.data.copyWithin(0, this.head, this.tail);
      } else {
        let capacity = this.data.length;
        while (capacity < (length + chunk.length) * 2) capacity *= 2;
        const data = new Uint8Array(capacity);
        data.set(this.data.subarray(this.head, this.tail));
        this.data = data;
      }
      this.head = 0;
      this.tail = length;
    }
    this.data.set(chunk, this.tail);
    this.tail += chunk.length;
  }

  /** A copy of the bytes at offsets `[from, to)` relative to the head. */
  copy(from: number, to: number): Uint8Array {
    return this.data.slice(this.head + from, this.head + to);
  }

  /** Drops `count` bytes from the head. */
  consume(count: number): void {
    this.head += count;
    if (this.head >= this.tail) {
      this.head = 0;
      this.tail = 0;
      // Give back memory a large event made us take.
      if (this.data.length > 65536) this.data = new Uint8Array(1024);
    }
  }

  /** Removes and returns every byte held. */
  takeAll(): Uint8Array {
    const bytes = this.copy(0, this.length);
    this.consume(this.length);
    return bytes;
  }
}
