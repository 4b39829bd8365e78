import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/sources/input-error.js';
import { decodeInputText, parseJsonInput, readInputText } from '../../../src/sources/read-input.js';
import { tempDir } from '../../support/temp-tree.js';
import { writeTemp } from '../../support/terraform-plan-builder.js';

const LIMITS = { maxInputBytes: 1 << 20 };

async function failure(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const body = Buffer.from(text, 'utf16le');
  if (order === 'be') body.swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

describe('readInputText', () => {
  it('refuses a file above the size limit and says how to raise it', async () => {
    const path = writeTemp('big.json', 'x'.repeat(2048));
    const error = await failure(readInputText(path, 'big.json', { maxInputBytes: 1024 }));
    expect(error.message).toBe('is 2048 bytes, larger than the limit of 1024 bytes; raise --max-input-size');
    expect(error.file).toBe('big.json');
  });

  it('refuses a directory and a missing file, naming them', async () => {
    const directory = tempDir('read-input');
    expect((await failure(readInputText(directory, 'dir', LIMITS))).message).toMatch(/is a directory/);
    const missing = await failure(readInputText(`${directory}/nope.json`, 'nope.json', LIMITS));
    expect(missing.describe()).toBe('nope.json: does not exist');
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 in both byte orders', async () => {
    const text = '{"a":"é ✓"}';
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      utf16(text, 'le'),
      utf16(text, 'be'),
    ]) {
      expect(await readInputText(writeTemp('t.json', bytes), 't.json', LIMITS)).toBe(text);
    }
  });

  it('refuses binary content and invalid UTF-8 with the offset', () => {
    expect(() => decodeInputText(Buffer.from([0x7b, 0x00, 0x7d]), 'bin')).toThrow(
      /binary, not text \(a NUL byte at offset 1\)/,
    );
    expect(() => decodeInputText(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'bad')).toThrow(
      /not valid UTF-8 text \(at byte 2\)/,
    );
  });
});

describe('parseJsonInput', () => {
  it('gives the line where the JSON breaks, without echoing the input', () => {
    const text = '{\n  "a": 1,\n  "secret": "hunter2" "b"\n}';
    let error: unknown;
    try {
      parseJsonInput(text, 'p.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(3);
    expect((error as InputError).message).not.toContain('hunter2');
  });

  it('says when the JSON ends early', () => {
    expect(() => parseJsonInput('{"a": [1, 2', 'short.json')).toThrow(/ends before the JSON is complete/);
  });
});
