// Untrusted text from a pull request (resource names, logical ids, policy Sids, ARNs) is escaped on its way into the
// Markdown comment: a run with hostile names has the same structure as the same run with plain names.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/index.js';
import { DEMO_PLAN } from '../support/bad-input-cases.js';
import {
  bareUrls,
  htmlTags,
  issueReferences,
  mentions,
  tableShapes,
  unsafeLinks,
} from '../support/markdown-structure.js';
import { analyzeInputs } from '../support/run-analysis.js';

/** Strings that would change a comment's structure, notify people, or run script if they were not escaped. */
const HOSTILE = [
  '<details>',
  '</details><img src=x onerror=alert(1)>',
  '| a | b |',
  '```',
  '@octocat',
  '#1',
  '[x](javascript:alert(1))',
  '<!--',
  'line one\nline two',
  '<script>alert(1)</script>',
  '</summary></details></td></tr></table>',
  '**bold** _it_ ~~gone~~',
  'https://evil.example/phish',
];

type Json = Record<string, unknown>;

/** The demo plan plus, per name, an unlogged agent alias and a role policy whose Sid and resource carry the name. */
async function planWithNames(names: readonly string[]): Promise<Json> {
  const plan = JSON.parse(await readFile(DEMO_PLAN, 'utf8')) as Json;
  const changes = plan.resource_changes as Json[];
  names.forEach((name, index) => {
    changes.push({
      address: `aws_bedrockagent_agent_alias.${name}`,
      mode: 'managed',
      type: 'aws_bedrockagent_agent_alias',
      name,
      change: {
        actions: ['create'],
        before: null,
        after: { agent_alias_name: name, agent_id: 'AGENT00001', description: name },
        after_unknown: { agent_alias_arn: true, agent_alias_id: true, id: true },
        before_sensitive: false,
        after_sensitive: {},
      },
    });
    changes.push({
      address: `aws_iam_role_policy.${name}`,
      mode: 'managed',
      type: 'aws_iam_role_policy',
      name,
      change: {
        actions: ['create'],
        before: null,
        after: {
          name: `extra-${index}`,
          role: 'support-agent',
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: name,
                Effect: 'Allow',
                Action: ['secretsmanager:GetSecretValue', 's3:PutObject'],
                Resource: [`arn:aws:s3:::bucket-${index}/${name}`, '*'],
              },
            ],
          }),
        },
        after_unknown: { id: true },
        before_sensitive: false,
        after_sensitive: {},
      },
    });
  });
  return plan;
}

/** A template with the names as logical ids (an unlogged guardrail each) and as Sids of an AI role's policy. */
function templateWithNames(names: readonly string[]): Json {
  const resources: Json = {
    AgentRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        Policies: [
          {
            PolicyName: 'agent',
            PolicyDocument: {
              Statement: names.map((name, index) => ({
                Sid: name,
                Effect: 'Allow',
                Action: ['s3:PutObject', 'secretsmanager:GetSecretValue'],
                Resource: [`arn:aws:s3:::bucket-${index}/${name}`, '*'],
              })),
            },
          },
        ],
      },
    },
  };
  names.forEach((name, index) => {
    resources[name] = {
      Type: 'AWS::Bedrock::Guardrail',
      Properties: {
        Name: `guard-${index}`,
        BlockedInputMessaging: name,
        BlockedOutputsMessaging: name,
      },
    };
  });
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

function benignNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `plain${index}`);
}

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'aad-hostile-'));
  await writeFile(join(root, 'hostile-plan.json'), JSON.stringify(await planWithNames(HOSTILE)));
  await writeFile(
    join(root, 'plain-plan.json'),
    JSON.stringify(await planWithNames(benignNames(HOSTILE.length))),
  );
  await writeFile(join(root, 'hostile-template.json'), JSON.stringify(templateWithNames(HOSTILE)));
  await writeFile(
    join(root, 'plain-template.json'),
    JSON.stringify(templateWithNames(benignNames(HOSTILE.length))),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function count(items: readonly string[], wanted: string): number {
  return items.filter((item) => item.startsWith(wanted)).length;
}

describe.each([
  [
    'a plan with hostile resource names and Sids',
    { plans: ['hostile-plan.json'] },
    { plans: ['plain-plan.json'] },
  ],
  [
    'a template with hostile logical ids and Sids',
    { paths: ['hostile-template.json'] },
    { paths: ['plain-template.json'] },
  ],
])('%s', (_name, hostileInputs, plainInputs) => {
  let hostile: string;
  let plain: string;

  beforeAll(async () => {
    const hostileReport = await analyzeInputs({ cwd: root, ...hostileInputs });
    const plainReport = await analyzeInputs({ cwd: root, ...plainInputs });
    // The hostile names must reach the report; otherwise the test would pass without testing the escaping.
    const raw = JSON.stringify(hostileReport);
    expect(raw).toContain('onerror=alert(1)');
    expect(raw).toContain('@octocat');
    expect(hostileReport.findings.length).toBe(plainReport.findings.length);
    hostile = renderMarkdown(hostileReport);
    plain = renderMarkdown(plainReport);
    // Escaped, not dropped: the reviewer still sees what the pull request wrote.
    expect(hostile).toContain('octocat');
    expect(hostile).toContain('onerror=alert');
  });

  it('keeps the HTML structure of a plain run and adds no tag of its own', () => {
    const hostileTags = htmlTags(hostile);
    const plainTags = htmlTags(plain);
    for (const tag of ['<details', '</details>', '<summary', '</summary>', '<!--']) {
      expect(count(hostileTags, tag), tag).toBe(count(plainTags, tag));
    }
    expect(hostileTags.filter((tag) => /^<\/?(img|script|table|td|tr)\b/.test(tag))).toEqual([]);
  });

  it('keeps every table row at its header column count', () => {
    const shapes = tableShapes(hostile);
    expect(shapes.length).toBe(tableShapes(plain).length);
    for (const shape of shapes) {
      for (const row of shape.rows) expect(row).toBe(shape.header);
    }
  });

  it('notifies nobody, links no issue, and makes no link of its own', () => {
    expect(mentions(hostile)).toEqual(mentions(plain));
    expect(issueReferences(hostile)).toEqual(issueReferences(plain));
    expect(unsafeLinks(hostile)).toEqual([]);
    expect(bareUrls(hostile)).toEqual(bareUrls(plain));
  });

  it('opens and closes the same number of code fences as a plain run', () => {
    const fences = (text: string): number =>
      text.split('\n').filter((line) => /^\s*(```|~~~)/.test(line)).length;
    expect(fences(hostile)).toBe(fences(plain));
    expect(hostile.split('\n').length - plain.split('\n').length).toBeLessThanOrEqual(0);
  });
});
