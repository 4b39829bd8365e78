import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeCoverage } from '../../../src/analysis/coverage/index.js';
import type { ReportCoverageResource } from '../../../src/model/report.js';
import type { BasicSelector, Sink } from '../../../src/model/sink.js';
import { unknownValue } from '../../../src/model/unknown.js';
import { isSymbolic, type StringValue } from '../../../src/model/value.js';
import {
  aiResource,
  basicSelector,
  bucket,
  link,
  ref,
  snapshot,
  sym,
  trail,
} from '../../support/builders.js';

/**
 * The fugue/regula test templates for S3 data logging, translated by hand into the IR a CloudFormation source
 * gives (one stack: the same unknown region for the trail and the buckets, bucket ARNs as `Fn::GetAtt`
 * references). Each case names the corpus file it mirrors; the test also checks the translation against that
 * file's selectors and buckets, so that the two cannot drift apart.
 */
const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/cfn/fugue__regula/', import.meta.url));
const PREFIX = 'rego__tests__rules__cfn__s3__inputs__';
const STACK = 'Regula';

/** Which of regula's two rules a label speaks of: every bucket must record reads, or writes. */
type Rule = 'read' | 'write';

interface LabelledCase {
  readonly file: string;
  readonly buckets: readonly string[];
  /** null: no trail in the template. */
  readonly selectors: readonly BasicSelector[] | null;
  readonly valid: Partial<Record<Rule, boolean>>;
}

const ALL_BUCKETS = 'arn:aws:s3:::';
const objectsOf = (logicalId: string): StringValue => sym(ref(`${STACK}/${logicalId}`), '/');
const s3 = (readWriteType: 'All' | 'ReadOnly' | 'WriteOnly', ...values: StringValue[]): BasicSelector =>
  basicSelector({ readWriteType, dataResources: [{ type: 'AWS::S3::Object', values }] });

const cases: readonly LabelledCase[] = [
  {
    file: 'valid_cloudtrail_s3_data_logging_all_all_buckets_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1', 'Bucket2', 'Bucket3'],
    selectors: [s3('All', ALL_BUCKETS)],
    valid: { read: true, write: true },
  },
  {
    file: 'valid_cloudtrail_s3_data_logging_all_two_buckets_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1'],
    selectors: [s3('All', objectsOf('LoggingBucket'), objectsOf('Bucket1'))],
    valid: { read: true, write: true },
  },
  {
    file: 'invalid_cloudtrail_s3_data_logging_all_one_bucket_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1'],
    selectors: [s3('All', objectsOf('LoggingBucket'))],
    valid: { read: false, write: false },
  },
  {
    file: 'valid_cloudtrail_s3_data_logging_read_all_buckets_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1', 'Bucket2', 'Bucket3'],
    selectors: [s3('ReadOnly', ALL_BUCKETS)],
    valid: { read: true },
  },
  {
    file: 'invalid_cloudtrail_s3_data_logging_read_one_bucket_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1'],
    selectors: [s3('ReadOnly', objectsOf('LoggingBucket'))],
    valid: { read: false },
  },
  {
    file: 'valid_cloudtrail_s3_data_logging_write_all_buckets_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1', 'Bucket2', 'Bucket3'],
    selectors: [s3('WriteOnly', ALL_BUCKETS)],
    valid: { write: true },
  },
  {
    file: 'invalid_cloudtrail_s3_data_logging_write_one_bucket_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1'],
    selectors: [s3('WriteOnly', objectsOf('LoggingBucket'))],
    valid: { write: false },
  },
  {
    // The same template is labelled valid for the read rule and invalid for the write rule.
    file: 'valid_cloudtrail_s3_data_logging_write_one_bucket_read_all_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1', 'Bucket2', 'Bucket3'],
    selectors: [s3('ReadOnly', ALL_BUCKETS), s3('All', objectsOf('LoggingBucket'))],
    valid: { read: true },
  },
  {
    file: 'invalid_cloudtrail_s3_data_logging_write_one_bucket_read_all_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1', 'Bucket2', 'Bucket3'],
    selectors: [s3('ReadOnly', ALL_BUCKETS), s3('All', objectsOf('LoggingBucket'))],
    valid: { write: false },
  },
  {
    file: 'invalid_cloudtrail_s3_data_logging_trail_no_selector_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1', 'Bucket2', 'Bucket3'],
    selectors: [],
    valid: { read: false, write: false },
  },
  {
    file: 'invalid_cloudtrail_s3_data_logging_trail_no_data_events_infra.yaml',
    buckets: ['LoggingBucket', 'Bucket1', 'Bucket2', 'Bucket3'],
    selectors: [basicSelector({ readWriteType: 'All' })],
    valid: { read: false, write: false },
  },
  {
    file: 'invalid_cloudtrail_s3_data_logging_no_trails_infra.yaml',
    buckets: ['Bucket1', 'Bucket2', 'Bucket3'],
    selectors: null,
    valid: { read: false, write: false },
  },
];

/** Writes a selector value back the way the template spells it. */
function spell(value: StringValue): string {
  if (typeof value === 'string') return value;
  if (!isSymbolic(value)) return '(unknown)';
  return value.parts
    .map((part) => (typeof part === 'string' ? part : `\${${part.ref.slice(STACK.length + 1)}.Arn}`))
    .join('');
}

/** What the template itself says, read with patterns that fit these small files. */
function readTemplate(file: string) {
  const text = readFileSync(`${CORPUS}${PREFIX}${file}`, 'utf8');
  return {
    hasTrail: text.includes('Type: AWS::CloudTrail::Trail'),
    buckets: [...text.matchAll(/^ {2}(\w+):\n {4}Type: AWS::S3::Bucket$/gm)].map((match) => match[1]),
    readWriteTypes: [...text.matchAll(/ReadWriteType: (\w+)/g)].map((match) => match[1]),
    values: [...text.matchAll(/^ {16}- (?:!Sub )?"([^"]+)"$/gm)].map((match) => match[1]),
  };
}

/** One CloudFormation stack: the trail (default single-region, IsLogging true) and the buckets, fed by a KB. */
function stackOf(labelled: LabelledCase) {
  const stackRegion = unknownValue('the region is chosen when the stack is deployed');
  const stackAccount = unknownValue('the account is chosen when the stack is deployed');
  const buckets = labelled.buckets.map((logicalId) =>
    bucket(`${STACK}/${logicalId}`, {
      arn: sym(ref(`${STACK}/${logicalId}`)),
      region: stackRegion,
      account: stackAccount,
    }),
  );
  const kb = aiResource(
    `${STACK}/KnowledgeBase`,
    'AWS::Bedrock::KnowledgeBase',
    unknownValue('known after apply'),
  );
  const sinks: Sink[] =
    labelled.selectors === null
      ? []
      : [
          trail(`${STACK}/CloudTrailLogging`, {
            iacType: 'AWS::CloudTrail::Trail',
            multiRegion: false,
            homeRegion: stackRegion,
            account: stackAccount,
            basicSelectors: labelled.selectors.length === 0 ? null : labelled.selectors,
          }),
        ];
  return snapshot({
    resources: [kb, ...buckets],
    sinks,
    links: buckets.map((resource) => link(kb.id, 'data-source-bucket', resource.id)),
  });
}

function records(row: ReportCoverageResource, rule: Rule): boolean {
  if (row.after === 'full') return true;
  if (row.after !== 'partial') return false;
  return row.detail === (rule === 'read' ? 'read-only' : 'write-only');
}

describe('fugue/regula S3 data-logging templates, translated by hand', () => {
  describe.each(cases)('$file', (labelled) => {
    it('mirrors the corpus template', () => {
      const template = readTemplate(labelled.file);
      expect(template.hasTrail).toBe(labelled.selectors !== null);
      expect(template.buckets.sort()).toEqual([...labelled.buckets].sort());
      const selectors = labelled.selectors ?? [];
      expect(template.readWriteTypes).toEqual(selectors.map((selector) => selector.readWriteType));
      expect(template.values).toEqual(
        selectors.flatMap((selector) =>
          selector.dataResources.flatMap((resource) => resource.values.map(spell)),
        ),
      );
    });

    it('gives statuses that agree with the label', () => {
      const rows = analyzeCoverage({
        before: snapshot(),
        after: stackOf(labelled),
        changes: {},
        externalSinks: [],
      }).resources.filter((row) => row.role === 'ai-data');
      expect(rows).toHaveLength(labelled.buckets.length);
      for (const [rule, valid] of Object.entries(labelled.valid) as [Rule, boolean][]) {
        expect(rows.every((row) => records(row, rule))).toBe(valid);
      }
    });
  });

  it('tells the logged bucket from the others in all_one_bucket', () => {
    const labelled = cases.find((entry) => entry.file.includes('all_one_bucket'));
    if (labelled === undefined) throw new Error('case missing');
    const rows = analyzeCoverage({
      before: snapshot(),
      after: stackOf(labelled),
      changes: {},
      externalSinks: [],
    }).resources;
    expect(rows.find((row) => row.id === `${STACK}/LoggingBucket`)?.after).toBe('full');
    expect(rows.find((row) => row.id === `${STACK}/Bucket1`)?.after).toBe('none');
  });
});
