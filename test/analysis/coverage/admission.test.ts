import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  intersect,
  MATCH_ALL,
  MATCH_NONE,
  matchSome,
  matchUnknown,
  unite,
  type Match,
} from '../../../src/analysis/coverage/admission.js';

// Every kind of match, with reasons that repeat across matches, as the analyses build them.
const match: fc.Arbitrary<Match> = fc.oneof(
  fc.constant(MATCH_ALL),
  fc.constant(MATCH_NONE),
  fc.constantFrom('resources.ARN', 'eventName', 'readOnly').map(matchSome),
  fc.constantFrom('value not known', 'field not decidable').map(matchUnknown),
);

describe('admission', () => {
  it('intersects and unites a list of one match as that match', () => {
    fc.assert(
      fc.property(match, (only) => {
        expect(intersect([only])).toEqual(only);
        expect(unite([only])).toEqual(only);
      }),
    );
  });

  it('gives the same intersection however a list is grouped', () => {
    fc.assert(
      fc.property(match, match, match, (a, b, c) => {
        expect(intersect([intersect([a, b]), c])).toEqual(intersect([a, b, c]));
        expect(unite([unite([a, b]), c])).toEqual(unite([a, b, c]));
      }),
    );
  });

  it('keeps each reason once, in the order the matches give them', () => {
    const first = matchUnknown('first');
    const second = matchUnknown('second');
    expect(intersect([first, second, first]).unknownBecause).toEqual(['first', 'second']);
    expect(unite([matchSome('a'), matchSome('b'), matchSome('a')]).narrowedBy).toEqual(['a', 'b']);
  });
});
