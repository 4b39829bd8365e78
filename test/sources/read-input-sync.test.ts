import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/sources/input-error.js';
import { readInputText, readInputTextSync, type ReadLimits } from '../../src/sources/read-input.js';
import { tempDir } from '../support/temp-tree.js';
import { writeTemp } from '../support/terraform-plan-builder.js';

/** What a read gives: the text, or the InputError's file and message. */
async function outcome(read: () => Promise<string> | string): Promise<string> {
  try {
    return `text: ${await read()}`;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return `error: ${(error as InputError).describe()}`;
  }
}

describe('readInputTextSync', () => {
  it('gives what readInputText gives, text or error, for every kind of file', async () => {
    const directory = tempDir('read-input-sync');
    const cases: [string, ReadLimits][] = [
      [writeTemp('plain.tf', 'a = "é ✓"\n'), { maxInputBytes: 1024 }],
      [writeTemp('bom.tf', Buffer.from([0xef, 0xbb, 0xbf, 0x61])), { maxInputBytes: 1024 }],
      [writeTemp('utf16.tf', Buffer.from([0xff, 0xfe, 0x61, 0x00])), { maxInputBytes: 1024 }],
      [writeTemp('big.tf', 'x'.repeat(2048)), { maxInputBytes: 1024 }],
      [writeTemp('binary.tf', Buffer.from([0x61, 0x00, 0x62])), { maxInputBytes: 1024 }],
      [writeTemp('invalid.tf', Buffer.from([0x22, 0xc3, 0x28, 0x22])), { maxInputBytes: 1024 }],
      [directory, { maxInputBytes: 1024 }],
      [`${directory}/missing.tf`, { maxInputBytes: 1024 }],
    ];
    for (const [path, limits] of cases) {
      const expected = await outcome(() => readInputText(path, 'shown.tf', limits));
      expect(await outcome(() => readInputTextSync(path, 'shown.tf', limits))).toBe(expected);
    }
  });
});
