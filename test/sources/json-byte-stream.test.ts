import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonByteStream } from '../../src/sources/json-byte-stream.js';
import { tempDir } from '../support/temp-tree.js';

/** Reads an object of string values as the stream sees it: its keys and values in order. */
function readPairs(document: string, chunkBytes: number): [string, string][] {
  const path = join(tempDir('byte-stream'), 'document.json');
  writeFileSync(path, document);
  const stream = JsonByteStream.open(path, 'document.json', chunkBytes);
  try {
    const pairs: [string, string][] = [];
    stream.forEachMember((key) => pairs.push([key, stream.readString()]));
    stream.expectEnd();
    return pairs;
  } finally {
    stream.close();
  }
}

describe('JsonByteStream short strings', () => {
  // "Aa" and "BB" (and "AaAa", "BBBB", "AaBB") have the same hash as the stream computes it.
  const colliding = ['Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa'];

  it('gives every key and value its own text, even when their bytes hash alike', () => {
    const object = Object.fromEntries(
      colliding.map((key, index) => [key, colliding[colliding.length - 1 - index]]),
    );
    const document = JSON.stringify(object);
    for (const chunkBytes of [4, 7, 64, 1 << 16]) {
      expect(readPairs(document, chunkBytes)).toEqual(Object.entries(object));
    }
  });

  it('reads recurring, escaped, non-ASCII and long strings as JSON.parse does', () => {
    const keys = [
      'mode',
      'type',
      'mode',
      'tab\there',
      'caf\u00e9',
      'quote"d',
      'x'.repeat(80),
      'mode',
      'Aa',
      'BB',
    ];
    const document = `{${keys.map((key, index) => `${JSON.stringify(key)}:${JSON.stringify(keys[(index + 3) % keys.length])}`).join(',')}}`;
    const expected = keys.map((key, index) => [key, keys[(index + 3) % keys.length]]);
    for (const chunkBytes of [5, 32, 1 << 16]) {
      expect(readPairs(document, chunkBytes)).toEqual(expected);
    }
  });
});
