import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCommandLine } from '../../src/cli/args.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/settings.js';

const parse = (...argv: string[]) => parseCommandLine(argv, '/repo', false);

describe('command line', () => {
  it('reads plans, format, output and fail-on', () => {
    const request = parse(
      '--plan',
      'a.json',
      '--plan',
      'b.json',
      '--format',
      'json',
      '--output',
      'r.json',
      '--fail-on',
      'critical',
    );
    expect(request).toMatchObject({
      kind: 'run',
      format: 'json',
      output: 'r.json',
      settings: {
        plans: ['a.json', 'b.json'],
        failOn: 'critical',
        maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
        cwd: '/repo',
      },
    });
  });

  it('reads a before/after pair and a base ref with paths', () => {
    expect(parse('--before', 'old.yaml', '--after', 'new.yaml')).toMatchObject({
      settings: { before: 'old.yaml', after: 'new.yaml', paths: [] },
    });
    expect(parse('--base-ref', 'origin/main', 'infra/', 'stacks/app.yaml')).toMatchObject({
      settings: { baseRef: 'origin/main', paths: ['infra/', 'stacks/app.yaml'] },
    });
  });

  it('reads sizes with units', () => {
    expect(parse('--plan', 'p', '--max-input-size', '500MB')).toMatchObject({
      settings: { maxInputBytes: 500 * 1024 ** 2 },
    });
    expect(parse('--plan', 'p', '--max-input-size', '1024')).toMatchObject({
      settings: { maxInputBytes: 1024 },
    });
  });

  it.each([
    [['--format', 'html', '--plan', 'p'], '--format: "html" is not one of text, markdown, json, sarif'],
    [
      ['--fail-on', 'severe', '--plan', 'p'],
      '--fail-on: "severe" is not one of critical, high, medium, low, info, never',
    ],
    [['--max-input-size', 'lots', '--plan', 'p'], '--max-input-size: "lots" is not a size'],
    [[], 'no input'],
    [['--base-ref', 'main'], '--base-ref needs at least one path'],
    [['--before', 'a', 'b'], 'either --before/--after or paths'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(CliUsageError);
    expect(() => parse(...argv)).toThrow(message);
  });

  it('answers help and version before anything else', () => {
    expect(parse('--help')).toEqual({ kind: 'help' });
    expect(parse('-v')).toEqual({ kind: 'version' });
  });
});
