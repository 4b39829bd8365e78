import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ActionInputError,
  COMMENT_MODES,
  INPUT,
  readActionInputs,
  splitPatterns,
} from '../../src/action/action-inputs.js';
import { parseByteSize } from '../../src/config/byte-size.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/settings.js';

function reader(values: Record<string, string>) {
  return (name: string) => values[name] ?? '';
}

describe('readActionInputs', () => {
  it('gives the documented defaults when nothing is set', () => {
    const inputs = readActionInputs(reader({}));
    expect(inputs).toMatchObject({
      planPatterns: [],
      pathPatterns: [],
      baseRef: null,
      configPath: null,
      commentMode: 'update',
      commentKey: 'default',
      checkName: 'AI access diff',
      failOn: null,
      sarifFile: null,
      mode: 'both',
      artifactDir: null,
      maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
    });
  });

  it('splits plan and paths on newlines and spaces', () => {
    const inputs = readActionInputs(
      reader({ [INPUT.plan]: 'plans/a.json\n  plans/**/*.json  b.json', [INPUT.paths]: 'stacks/ infra' }),
    );
    expect(inputs.planPatterns).toEqual(['plans/a.json', 'plans/**/*.json', 'b.json']);
    expect(inputs.pathPatterns).toEqual(['stacks/', 'infra']);
  });

  it('treats the default config path as "use it if it exists" and any other path as required', () => {
    expect(readActionInputs(reader({ [INPUT.config]: '.github/ai-access-diff.yml' })).configPath).toBeNull();
    expect(readActionInputs(reader({ [INPUT.config]: 'ci/aad.yml' })).configPath).toBe('ci/aad.yml');
  });

  it.each(COMMENT_MODES)('accepts comment mode %s', (mode) => {
    expect(readActionInputs(reader({ [INPUT.comment]: mode })).commentMode).toBe(mode);
  });

  it('names the input, the value and the allowed values for a bad enum', () => {
    const read = () => readActionInputs(reader({ [INPUT.comment]: 'sticky' }));
    expect(read).toThrow(ActionInputError);
    expect(read).toThrow(
      "Input 'comment' is 'sticky', which is not one of: 'update', 'new', 'hide-and-new', 'delete-and-new', 'off'.",
    );
    expect(() => readActionInputs(reader({ [INPUT.failOn]: 'HIGH' }))).toThrow(
      /Input 'fail-on' is 'HIGH'.*'never'/,
    );
    expect(() => readActionInputs(reader({ [INPUT.mode]: 'all' }))).toThrow(
      /Input 'mode' is 'all'.*'analyze', 'publish', 'both'/,
    );
  });

  it('refuses a comment key that could close the hidden HTML marker', () => {
    expect(() => readActionInputs(reader({ [INPUT.commentKey]: 'a-->b' }))).toThrow(/comment-key/);
    expect(readActionInputs(reader({ [INPUT.commentKey]: 'stacks/app-1' })).commentKey).toBe('stacks/app-1');
  });

  it('parses max-input-size with units and rejects nonsense', () => {
    expect(readActionInputs(reader({ [INPUT.maxInputSize]: '500MB' })).maxInputBytes).toBe(500 * 1024 * 1024);
    expect(() => readActionInputs(reader({ [INPUT.maxInputSize]: 'lots' }))).toThrow(
      /max-input-size.*'lots'/,
    );
  });
});

describe('parseByteSize', () => {
  it.each([
    ['1048576', 1_048_576],
    ['2GiB', 2 * 1024 ** 3],
    ['2 gb', 2 * 1024 ** 3],
    ['1.5K', 1536],
    ['0', null],
    ['-1', null],
    ['10 parsecs', null],
    ['', null],
  ])('%s -> %s', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });
});

describe('splitPatterns', () => {
  it('never yields an empty pattern or one with whitespace', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '*', '/', ' ', '\n', '\t', '.json')), (parts) => {
        for (const pattern of splitPatterns(parts.join(''))) {
          expect(pattern).not.toBe('');
          expect(pattern).not.toMatch(/\s/);
        }
      }),
    );
  });
});
