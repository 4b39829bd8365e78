import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coversAction, coversPattern, overlapsPattern } from '../../../src/analysis/permissions/wildcard.js';

/** IAM's own reading of a pattern, as a regular expression over one string. */
function toRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$+.()|[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

const patternChars = fc.constantFrom('a', 'b', ':', '/', '*', '?');
const pattern = fc.array(patternChars, { maxLength: 8 }).map((chars) => chars.join(''));
const literal = fc
  .array(fc.constantFrom('a', 'b', ':', '/'), { maxLength: 8 })
  .map((chars) => chars.join(''));

/** A pattern that matches everything the given pattern matches: chunks become `*`, literal characters `?`. */
function generalise(base: string): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom('keep', 'any-one', 'star'), { minLength: base.length, maxLength: base.length })
    .map((moves) => {
      let out = '';
      moves.forEach((move, at) => {
        const char = base[at]!;
        if (move === 'star' || char === '*') {
          if (!out.endsWith('*')) out += '*';
        } else if (move === 'any-one') out += '?';
        else out += char;
      });
      return out;
    });
}

/** A literal, a pattern generalising it, and a pattern generalising that one. */
const chain = literal.chain((text) =>
  generalise(text).chain((inner) => generalise(inner).map((outer) => ({ text, inner, outer }))),
);

describe('coversPattern', () => {
  it.each([
    ['*', 'anything', true],
    ['arn:aws:s3:::docs/*', 'arn:aws:s3:::docs/reports/*', true],
    ['arn:aws:s3:::docs/reports/*', 'arn:aws:s3:::docs/*', false],
    ['a*', 'ab*', true],
    ['a?c', 'a*c', false],
    ['a*c', 'a?c', true],
    ['a?', 'a?', true],
    ['ab', 'a?', false],
    ['arn:aws:bedrock:*::foundation-model/x', 'arn:aws:bedrock:us-east-1::foundation-model/x', true],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(coversPattern(outer, inner)).toBe(expected);
  });

  it('covers every literal it matches, and no literal it does not', () => {
    fc.assert(
      fc.property(pattern, literal, (outer, text) => {
        expect(coversPattern(outer, text)).toBe(toRegExp(outer).test(text));
      }),
    );
  });

  it('sees that a generalised pattern covers the pattern it came from', () => {
    fc.assert(fc.property(chain, ({ inner, outer }) => coversPattern(outer, inner)));
  });

  it('is sound: when the outer covers the inner, every string the inner matches the outer matches too', () => {
    fc.assert(
      fc.property(pattern, chain, (outer, { text, inner }) => {
        if (coversPattern(outer, inner)) expect(toRegExp(outer).test(text)).toBe(true);
      }),
    );
  });

  it('never claims a pattern covers one that matches a string it does not', () => {
    fc.assert(
      fc.property(pattern, pattern, literal, (outer, inner, text) => {
        if (toRegExp(inner).test(text) && !toRegExp(outer).test(text))
          expect(coversPattern(outer, inner)).toBe(false);
      }),
    );
  });

  it('covers itself', () => {
    fc.assert(fc.property(pattern, (value) => coversPattern(value, value)));
  });
});

describe('overlapsPattern', () => {
  it.each([
    ['arn:aws:s3:::doc*', 'arn:aws:s3:::docs/*', true],
    ['arn:aws:s3:::logs/*', 'arn:aws:s3:::docs/*', false],
    ['*', 'x', true],
    ['a?', '?b', true],
  ])('%s overlaps %s: %s', (left, right, expected) => {
    expect(overlapsPattern(left, right)).toBe(expected);
    expect(overlapsPattern(right, left)).toBe(expected);
  });

  it('finds an overlap whenever one literal matches both patterns', () => {
    const twoOfOne = literal.chain((text) => fc.tuple(generalise(text), generalise(text)));
    fc.assert(fc.property(twoOfOne, ([left, right]) => overlapsPattern(left, right)));
  });

  it('finds no overlap between patterns that start with different literal characters', () => {
    fc.assert(fc.property(pattern, pattern, (left, right) => !overlapsPattern(`a${left}`, `b${right}`)));
  });
});

describe('coversAction', () => {
  it('ignores case, as IAM does for actions', () => {
    expect(coversAction('Bedrock:Invoke*', 'bedrock:InvokeModel')).toBe(true);
    expect(coversAction('bedrock:invokemodel', 'bedrock:InvokeModel')).toBe(true);
    expect(coversAction('bedrock:Retrieve', 'bedrock:RetrieveAndGenerate')).toBe(false);
  });
});
