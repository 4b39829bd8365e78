import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  partsEndWith,
  partsEqual,
  partsStartWith,
  type Parts,
  type PartsContext,
} from '../../../src/analysis/coverage/string-parts.js';

const NO_SERVICES: PartsContext = { serviceOf: () => undefined };

/** Splits a literal into consecutive pieces at the given offsets, so the comparison walks them piece by piece. */
function split(text: string, cuts: readonly number[]): Parts {
  const offsets = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const offset of offsets) {
    if (offset > start) pieces.push(text.slice(start, offset));
    start = Math.max(start, offset);
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

// Few characters, so that prefixes, suffixes and equal strings come up often.
const text = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/'), maxLength: 8 });
const cuts = fc.array(fc.nat(9), { maxLength: 3 });

describe('string parts of literals', () => {
  it('compares one literal with another as the strings themselves', () => {
    fc.assert(
      fc.property(text, text, (x, y) => {
        expect(partsStartWith([x], [y], NO_SERVICES)).toBe(x.startsWith(y));
        expect(partsEndWith([x], [y])).toBe(x.endsWith(y));
        expect(partsEqual([x], [y], NO_SERVICES)).toBe(x === y);
      }),
    );
  });

  it('gives the same answers when the literals come in pieces', () => {
    fc.assert(
      fc.property(text, text, cuts, cuts, (x, y, xCuts, yCuts) => {
        const xs = split(x, xCuts);
        const ys = split(y, yCuts);
        expect(partsStartWith(xs, ys, NO_SERVICES)).toBe(x.startsWith(y));
        expect(partsEndWith(xs, ys)).toBe(x.endsWith(y));
        expect(partsEqual(xs, ys, NO_SERVICES)).toBe(x === y);
      }),
    );
  });

  it('leaves a comparison with an unresolved reference undecided', () => {
    const ref = { ref: 'aws_s3_bucket.docs', attribute: 'arn' };
    expect(partsStartWith([ref, '/*'], ['arn:aws:s3:::docs'], NO_SERVICES)).toBe('unknown');
    expect(partsEqual(['arn:aws:s3:::docs'], [ref], NO_SERVICES)).toBe('unknown');
    expect(partsStartWith([ref, '/*'], [ref], NO_SERVICES)).toBe(true);
  });
});
