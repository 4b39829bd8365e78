import { describe, expect, it } from 'vitest';
import { findTrustRisks } from '../../../src/analysis/permissions/trust-findings.js';
import {
  canonicalServicePrincipal,
  describeTrustEntry,
  diffTrust,
  listTrustEntries,
} from '../../../src/analysis/permissions/trust.js';
import type { PolicyPrincipal, PolicyStatement } from '../../../src/model/iam.js';
import { unknownValue } from '../../../src/model/unknown.js';
import { policyDocument, ref, sym } from '../../support/builders.js';
import { SOURCE_ACCOUNT_CONDITION, trustStatement } from '../../support/iam-builders.js';

function entries(...statements: PolicyStatement[]) {
  return listTrustEntries(policyDocument(...statements));
}

const SUBJECT = { id: 'aws_iam_role.agent', name: 'agent', account: '111111111111' };

function rulesFor(before: PolicyStatement[], after: PolicyStatement[], wasAi = true): string[] {
  const old = entries(...before);
  const { added } = diffTrust(old, entries(...after));
  return findTrustRisks(SUBJECT, old, added, wasAi).map((finding) => finding.ruleId);
}

describe('canonicalServicePrincipal', () => {
  it.each([
    ['sagemaker.amazonaws.com', 'sagemaker'],
    ['bedrock.amazonaws.com.cn', 'bedrock'],
    ['sagemaker.${AWS::URLSuffix}', 'sagemaker'],
  ])('reads %s as the %s service', (text, service) => {
    expect(canonicalServicePrincipal(text)).toEqual({ service, text: `${service}.amazonaws.com` });
  });

  it('reads an interpolated DNS suffix as the same service (corpus pair P5)', () => {
    const interpolated = sym('sagemaker.', ref('data.aws_partition.current', 'dns_suffix'));
    expect(canonicalServicePrincipal(interpolated)).toEqual(
      canonicalServicePrincipal('sagemaker.amazonaws.com'),
    );
  });

  it('leaves a principal whose service part is unknown as written', () => {
    expect(canonicalServicePrincipal(unknownValue('variable')).service).toBeUndefined();
    expect(canonicalServicePrincipal('example.org').service).toBeUndefined();
  });
});

describe('diffTrust', () => {
  it('finds nothing between the literal and the interpolated SageMaker principal (corpus pair P5)', () => {
    const before = entries(trustStatement({ Service: ['sagemaker.amazonaws.com'] }));
    const after = entries(
      trustStatement({ Service: [sym('sagemaker.', ref('data.aws_partition.current', 'dns_suffix'))] }),
    );
    expect(diffTrust(before, after)).toEqual({ added: [], removed: [] });
    expect(
      rulesFor(
        [trustStatement({ Service: ['sagemaker.amazonaws.com'] })],
        [trustStatement({ Service: [sym('sagemaker.', ref('data.aws_partition.current', 'dns_suffix'))] })],
      ),
    ).toEqual([]);
  });

  it('compares conditions too: a removed aws:SourceAccount condition is a change', () => {
    const before = entries(trustStatement({ Service: ['bedrock.amazonaws.com'] }, SOURCE_ACCOUNT_CONDITION));
    const after = entries(trustStatement({ Service: ['bedrock.amazonaws.com'] }));
    const diff = diffTrust(before, after);
    expect(diff.added.map(describeTrustEntry)).toEqual(['Service:bedrock.amazonaws.com']);
    expect(diff.removed.map(describeTrustEntry)).toEqual([
      'Service:bedrock.amazonaws.com when StringEquals aws:SourceAccount = 111111111111',
    ]);
  });

  it('names principals by kind', () => {
    const principal: PolicyPrincipal = {
      AWS: ['arn:aws:iam::222222222222:root'],
      Federated: ['token.actions.githubusercontent.com'],
    };
    expect(entries(trustStatement(principal), trustStatement('*')).map((entry) => entry.principal)).toEqual([
      'AWS:arn:aws:iam::222222222222:root',
      'Federated:token.actions.githubusercontent.com',
      '*',
    ]);
  });

  it('gives one unknown entry for an unknown trust policy', () => {
    expect(listTrustEntries(unknownValue('computed'))).toMatchObject([{ kind: 'unknown' }]);
  });
});

describe('trust rules', () => {
  const bedrock = (condition?: PolicyStatement['condition']) =>
    trustStatement({ Service: ['bedrock.amazonaws.com'] }, condition);

  it.each<[string, PolicyStatement[], PolicyStatement[], boolean, string[]]>([
    [
      'anyone',
      [bedrock(SOURCE_ACCOUNT_CONDITION)],
      [bedrock(SOURCE_ACCOUNT_CONDITION), trustStatement('*')],
      true,
      ['trust-widened'],
    ],
    ['AWS *', [], [trustStatement({ AWS: ['*'] })], false, ['trust-widened']],
    [
      'another account',
      [],
      [trustStatement({ AWS: ['arn:aws:iam::222222222222:root'] })],
      false,
      ['trust-widened'],
    ],
    ['the same account', [], [trustStatement({ AWS: ['arn:aws:iam::111111111111:root'] })], false, []],
    [
      'an account given symbolically',
      [],
      [
        trustStatement({
          AWS: [sym('arn:aws:iam::', ref('data.aws_caller_identity.current', 'account_id'), ':root')],
        }),
      ],
      false,
      [],
    ],
    [
      'a federated provider',
      [],
      [trustStatement({ Federated: ['cognito-identity.amazonaws.com'] })],
      false,
      ['trust-widened'],
    ],
    [
      'a non-AI service on an AI role',
      [bedrock(SOURCE_ACCOUNT_CONDITION)],
      [bedrock(SOURCE_ACCOUNT_CONDITION), trustStatement({ Service: ['ec2.amazonaws.com'] })],
      true,
      ['trust-widened'],
    ],
    ['Lambda on a new AI tool role', [], [trustStatement({ Service: ['lambda.amazonaws.com'] })], false, []],
    ['an AI service without a source condition', [], [bedrock()], false, ['confused-deputy']],
    ['an AI service with aws:SourceAccount', [], [bedrock(SOURCE_ACCOUNT_CONDITION)], false, []],
    [
      'an AI service with aws:SourceArn',
      [],
      [bedrock({ ArnLike: { 'aws:SourceArn': ['arn:aws:bedrock:us-east-1:111111111111:agent/*'] } })],
      false,
      [],
    ],
    [
      'the source condition removed',
      [bedrock(SOURCE_ACCOUNT_CONDITION)],
      [bedrock()],
      true,
      ['confused-deputy'],
    ],
    [
      'an unguarded principal that was unguarded already',
      [bedrock()],
      [bedrock(), trustStatement({ Service: ['sagemaker.amazonaws.com'] }, SOURCE_ACCOUNT_CONDITION)],
      true,
      [],
    ],
  ])('trusting %s', (_name, before, after, wasAi, expected) => {
    expect(rulesFor(before, after, wasAi)).toEqual(expected);
  });
});
