// Writes a large text file in pieces, so that no single string has to hold it.
import { writeSync } from 'node:fs';

/** Writes text to a file descriptor in large pieces. */
export class ChunkWriter {
  constructor(fd) {
    this.fd = fd;
    this.parts = [];
    this.pending = 0;
    this.bytes = 0;
  }
  write(text) {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending > 1 << 20) this.flush();
  }
  flush() {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.bytes += writeSync(this.fd, text);
    this.parts = [];
    this.pending = 0;
  }
}

/** Writes a JSON array whose items come from a generator, comma-separated. */
export function writeArray(writer, items) {
  writer.write('[');
  let first = true;
  for (const item of items) {
    writer.write(first ? JSON.stringify(item) : `,${JSON.stringify(item)}`);
    first = false;
  }
  writer.write(']');
}
