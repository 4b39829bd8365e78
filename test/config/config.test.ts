import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildExternalSinks } from '../../src/config/external-sinks.js';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { compileResourceGlob } from '../../src/config/resource-glob.js';
import { configSchema } from '../../src/config/schema.js';
import { tempDir } from '../support/temp-tree.js';

const schemaFile = fileURLToPath(new URL('../../schema/ai-access-diff.schema.json', import.meta.url));

describe('config file', () => {
  it('gives the defaults when the default file is absent', async () => {
    const dir = tempDir('config');
    const config = await loadConfig(null, dir);
    expect(config.failOn).toBe('high');
    expect(config.ignore).toEqual([]);
    expect(config.reportExisting).toBe(false);
  });

  it('is an error when a named file is absent or a directory', async () => {
    const dir = tempDir('config');
    await expect(loadConfig('missing.yml', dir)).rejects.toThrow('missing.yml: config file not found');
    await mkdir(join(dir, 'cfg'));
    await expect(loadConfig('cfg', dir)).rejects.toThrow('cfg: is a directory');
  });

  it('reads every documented key', async () => {
    const dir = tempDir('config');
    await mkdir(join(dir, '.github'));
    await writeFile(
      join(dir, '.github/ai-access-diff.yml'),
      [
        'failOn: medium',
        'severity:',
        '  coverage-gained: "off"',
        '  blind-spot: critical',
        'ignore:',
        '  - rule: unlogged-ai-resource',
        '    resource: "module.sandbox.**"',
        '    reason: sandbox account without data',
        '    expires: 2027-03-01',
        'externalSinks:',
        '  - name: org-trail',
        '    organization: true',
        '    AdvancedEventSelectors:',
        '      - Name: all bedrock agents',
        '        FieldSelectors:',
        '          - { Field: eventCategory, Equals: [Data] }',
        '          - { Field: resources.type, Equals: ["AWS::Bedrock::AgentAlias"] }',
        'reportExisting: true',
        'aiRoles:',
        '  include: ["*-agent"]',
      ].join('\n'),
    );
    const config = await loadConfig(null, dir);
    expect(config.failOn).toBe('medium');
    expect(config.severity).toEqual({ 'coverage-gained': 'off', 'blind-spot': 'critical' });
    expect(config.ignore[0]).toMatchObject({ rule: 'unlogged-ai-resource', expires: '2027-03-01' });
    expect(config.aiRoles).toEqual({ include: ['*-agent'], exclude: [] });
    const [sink] = buildExternalSinks(config.externalSinks, '.github/ai-access-diff.yml');
    expect(sink).toMatchObject({
      id: 'external:org-trail',
      kind: 'external',
      organization: true,
      logging: true,
    });
    expect(sink?.advancedSelectors).toEqual([
      {
        name: 'all bedrock agents',
        fieldSelectors: [
          { field: 'eventCategory', operators: { Equals: ['Data'] } },
          { field: 'resources.type', operators: { Equals: ['AWS::Bedrock::AgentAlias'] } },
        ],
      },
    ]);
  });

  it.each([
    ['failOn: severe', 'failOn'],
    ['severity:\n  no-such-rule: high', 'severity'],
    ['ignore:\n  - rule: blind-spot\n    resource: x', 'ignore.0.reason'],
    [
      'ignore:\n  - rule: blind-spot\n    resource: x\n    reason: r\n    expires: next week',
      'ignore.0.expires',
    ],
    [
      'externalSinks:\n  - name: t\n    AdvancedEventSelectors:\n      - FieldSelectors:\n          - { Field: eventCategory, Like: [x] }',
      'externalSinks.0.AdvancedEventSelectors.0.FieldSelectors.0',
    ],
    ['unknownKey: 1', '(top level)'],
  ])('names the file and the key path of a mistake: %s', (text, path) => {
    expect(() => parseConfig(text, '.github/ai-access-diff.yml')).toThrow(ConfigError);
    expect(() => parseConfig(text, '.github/ai-access-diff.yml')).toThrow(
      new RegExp(`^\\.github/ai-access-diff\\.yml: ${path.replace(/[.()]/g, '\\$&')}`),
    );
  });

  it('names the line of a YAML syntax error and refuses alias bombs', () => {
    expect(() => parseConfig('failOn: high\nignore: [\n', 'c.yml')).toThrow(/^c\.yml:\d+: not valid YAML/);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 12; level += 1) {
      bomb.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(', ')}]`,
      );
    }
    expect(() => parseConfig(bomb.join('\n'), 'bomb.yml')).toThrow(ConfigError);
  });

  it('publishes the JSON Schema generated from the zod schema', async () => {
    const generated = JSON.stringify(z.toJSONSchema(configSchema, { io: 'input' }), null, 2) + '\n';
    if (process.env.UPDATE_GOLDEN) await writeFile(schemaFile, generated);
    expect(await readFile(schemaFile, 'utf8')).toBe(generated);
  });
});

describe('resource globs', () => {
  it.each([
    ['module.sandbox.*', 'module.sandbox.aws_s3_bucket', true],
    ['module.sandbox.*', 'module.sandbox.aws_s3_bucket.x', false],
    ['module.sandbox.**', 'module.sandbox.aws_s3_bucket.x', true],
    ['Stack/*', 'Stack/Bucket', true],
    ['Stack/*', 'Other/Bucket', false],
    ['aws_s3_bucket.?', 'aws_s3_bucket.a', true],
    ['a[0].b', 'a[0].b', true],
  ])('%s matches %s: %s', (glob, id, expected) => {
    expect(compileResourceGlob(glob).test(id)).toBe(expected);
  });
});
