import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';
import { MAY_HOLD_SECRET, maskSecrets, SECRET_PATTERNS } from '../../src/report/mask-secrets.js';
import { coverageResource, finding, grant, input, report, role } from '../support/report-builders.js';

// Built from parts so that this file itself does not look like it holds credentials.
const ACCESS_KEY_ID = ['AKIA', 'Z7QWERTYUIOPASDF'].join('');
const SESSION_KEY_ID = ['ASIA', 'Q2W3E4R5T6Y7U8I9'].join('');
const SECRET_KEY = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/');
const GITHUB_TOKEN = ['ghp', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'].join('_');
const FINE_GRAINED = ['github', 'pat', '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ'].join('_');
const PRIVATE_KEY = [
  ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' '),
  'MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH',
  'lWu2/a1gB9JW5TBQ+AVpum9Okx7KfqkfBKL9mcHgSL0yWMdjMfNOqNtrQqKlN4kE',
  ['-----END', 'RSA PRIVATE KEY-----'].join(' '),
].join('\n');

describe('maskSecrets', () => {
  it.each([
    ['an access key id', `key ${ACCESS_KEY_ID} here`, ACCESS_KEY_ID],
    ['a temporary access key id', `id=${SESSION_KEY_ID}`, SESSION_KEY_ID],
    ['a secret key after its name', `aws_secret_access_key = ${SECRET_KEY}`, SECRET_KEY],
    ['a secret key in JSON', `{"SecretAccessKey": "${SECRET_KEY}"}`, SECRET_KEY],
    ['a GitHub token', `token ${GITHUB_TOKEN}`, GITHUB_TOKEN],
    ['a fine-grained GitHub token', FINE_GRAINED, FINE_GRAINED],
    ['a private key block', `key:\n${PRIVATE_KEY}\nafter`, 'MIIEowIBAAKCAQEA'],
    ['a private key cut off', PRIVATE_KEY.slice(0, 120), 'MIIEowIBAAKCAQEA'],
    ['a password assignment', 'password = "hunter2hunter2"', 'hunter2hunter2'],
    ['a Slack token', `xoxb-${'1234567890'}-abcdefghij`, '1234567890-abcdefghij'],
  ])('masks %s', (_name, text, secret) => {
    const masked = maskSecrets(text);
    expect(masked).not.toContain(secret);
    expect(masked.length).toBeLessThanOrEqual(text.length);
  });

  it('keeps the surrounding text readable', () => {
    expect(maskSecrets(`aws_secret_access_key = ${SECRET_KEY}`)).toBe('aws_secret_access_key = ****');
    expect(maskSecrets(`key ${ACCESS_KEY_ID} here`)).toBe('key AKIA**** here');
    expect(maskSecrets(`a\n${PRIVATE_KEY}\nb`)).toBe('a\n[private key masked]\nb');
  });

  it.each([
    'arn:aws:iam::123456789012:role/agent-execution',
    'arn:aws:bedrock:us-east-1:123456789012:agent-alias/AGENT1234/ALIAS5678',
    'secretsmanager:GetSecretValue on arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
    'AKIA is the prefix of access key ids',
    'the secret-access rule fires on kms:Decrypt',
    'module.ai["ghp_short"].aws_iam_role.agent',
  ])('leaves ordinary text alone: %s', (text) => {
    expect(maskSecrets(text)).toBe(text);
  });
});

/** Plants every kind of secret in a different field of the report. */
function plantedReport(): Report {
  return report({
    inputs: [input({ path: 'plan.json', status: 'error', error: `bad value ${GITHUB_TOKEN}` })],
    resources: [
      coverageResource({
        id: `aws_s3_bucket.${ACCESS_KEY_ID}`,
        detail: `aws_secret_access_key=${SECRET_KEY}`,
      }),
    ],
    roles: [
      role({
        added: [
          grant({ action: 'sts:AssumeRole', resource: '*', condition: `aws:userid = ${SESSION_KEY_ID}` }),
        ],
        reasons: [FINE_GRAINED],
      }),
    ],
    findings: [
      finding({
        severity: 'critical',
        title: `leaked ${ACCESS_KEY_ID}`,
        message: `policy holds ${PRIVATE_KEY}`,
      }),
      finding({ severity: 'high', message: `token ${GITHUB_TOKEN}`, existing: true }),
    ],
  });
}

const SECRETS = [ACCESS_KEY_ID, SESSION_KEY_ID, SECRET_KEY, GITHUB_TOKEN, FINE_GRAINED, 'MIIEowIBAAKCAQEA'];

describe.each([
  ['JSON', (value: Report) => renderJson(value)],
  ['Markdown', (value: Report) => renderMarkdown(value)],
  ['text', (value: Report) => renderText(value)],
  ['coloured text', (value: Report) => renderText(value, { color: true })],
  ['SARIF', (value: Report) => renderSarif(value)],
])('%s output', (_format, render) => {
  it('masks every planted secret', () => {
    const output = render(plantedReport());
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    // Markdown shows the mask with its asterisks escaped.
    expect(output).toMatch(/AKIA(\*{4}|(\\\*){4})/);
  });
});

describe('masking in structured output', () => {
  it('keeps JSON and SARIF parseable', () => {
    expect(() => JSON.parse(renderJson(plantedReport()))).not.toThrow();
    expect(() => JSON.parse(renderSarif(plantedReport()))).not.toThrow();
  });
});

describe('the quick test before the patterns', () => {
  const pieces = [
    'AKIA',
    'ASIA',
    'ABCDEFGHIJKLMNOP',
    'aws_secret_access_key = ',
    'SECRET',
    'ghp_',
    'gho_',
    'github_pat_',
    'xoxb-',
    'sk_live_',
    'rk_live_',
    'AIza',
    'eyJ',
    'eyJhbGciOiJIUzI1NiJ9.',
    '-----BEGIN RSA PRIVATE KEY-----',
    'PASSWORD: ',
    'passwd=',
    'client_secret:',
    'ApiKey=',
    'access_token=',
    'auth_token:',
    'secret_token=',
    'abcdefghijklmnopqrstuvwxyz0123456789',
    'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0',
    ' ',
    '"',
    '.',
    // Whole credentials of every kind, so that each pattern is met.
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N',
    `AIza${'Sy'.repeat(17)}S`,
    `ghp_${'a1'.repeat(18)}`,
    `github_pat_${'A_1'.repeat(14)}`,
    'xoxb-1234567890-abcdefghij',
    `sk_live_${'x9'.repeat(12)}`,
    `AKIA${'Q'.repeat(16)}`,
    '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----',
    'password = hunter22!',
  ];

  it('lets through only text that no credential pattern matches', () => {
    let matched = 0;
    const met = new Set<number>();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const matching = SECRET_PATTERNS.flatMap(({ pattern }, index) =>
          new RegExp(pattern.source, pattern.flags).test(text) ? [index] : [],
        );
        for (const index of matching) met.add(index);
        if (matching.length > 0) {
          matched += 1;
          expect(MAY_HOLD_SECRET.test(text)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(300);
    expect([...met].sort()).toEqual(SECRET_PATTERNS.map((_, index) => index));
  });
});
