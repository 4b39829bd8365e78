import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/index.js';
import {
  MERMAID_MAX_NODES,
  escapeMermaidLabel,
  renderAccessMap,
  shortenId,
} from '../../src/report/mermaid.js';
import { countMermaidNodes, validateMermaid } from '../support/mermaid-validator.js';
import { reachOf, workload } from '../support/reach-builders.js';
import { report } from '../support/report-builders.js';

describe('shortenId', () => {
  it.each([
    ['infra/plan.json:aws_s3_bucket.docs', 'aws_s3_bucket.docs'],
    ['aws_s3_bucket.docs', 'aws_s3_bucket.docs'],
    ['infra/plan.json:aws_s3_bucket.docs["team:a"]', 'aws_s3_bucket.docs["team:a"]'],
    ['aws_lambda_function.tool["us-east-1:x"]', 'aws_lambda_function.tool["us-east-1:x"]'],
    [
      'arn:aws:lambda:us-east-1:123456789012:function:tool',
      'arn:aws:lambda:us-east-1:123456789012:function:tool',
    ],
  ])('shows %s as %s', (id, shown) => {
    expect(shortenId(id)).toBe(shown);
  });
});

describe('renderAccessMap', () => {
  it('draws new edges thick and green, lost edges dotted, and marks unlogged targets', () => {
    const diagram = renderAccessMap(
      reachOf(
        workload('aws_bedrockagent_agent.a', 'support', [
          { resource: 'arn:aws:s3:::new-bucket/*', change: 'added', unlogged: true },
          { resource: 'arn:aws:s3:::old-bucket/*', change: 'removed' },
        ]),
      ),
    )!;
    expect(validateMermaid(diagram)).toEqual([]);
    expect(diagram).toMatch(/n2 ==>\|"Read"\| n3/);
    expect(diagram).toMatch(/n2 -\.->\|"Read"\| n4/);
    expect(diagram).toContain('s3: arn:aws:s3:::new-bucket/* · not logged');
    expect(diagram).toMatch(/class n3 unlogged/);
    expect(diagram).toMatch(/linkStyle 1 stroke:#1a7f37/);
    expect(diagram).toMatch(/linkStyle 2 stroke:#cf222e/);
  });

  it('draws nothing when no workload changed', () => {
    const quiet = { ...workload('w', 'w', []), changed: false };
    expect(renderAccessMap(reachOf(quiet))).toBeUndefined();
    expect(renderAccessMap(reachOf())).toBeUndefined();
  });

  it('leaves out unchanged targets that are logged, keeps unchanged ones that are not', () => {
    const diagram = renderAccessMap(
      reachOf(
        workload('w', 'pipeline', [
          { resource: 'arn:aws:s3:::logged/*', change: 'unchanged' },
          { resource: 'arn:aws:s3:::training/*', change: 'unchanged', unlogged: true },
        ]),
      ),
    )!;
    expect(diagram).not.toContain('logged/*"');
    expect(diagram).toContain('training/* · not logged');
    expect(diagram).toMatch(/n2 -->\|"Read"\| n3/);
  });

  it('folds what does not fit into "and N more" nodes, never exceeding the node budget', () => {
    const many = Array.from({ length: 12 }, (_, index) =>
      workload(
        `aws_bedrockagent_agent.a${index}`,
        `agent-${index}`,
        Array.from({ length: 5 }, (_, n) => ({
          resource: `arn:aws:s3:::b${index}-${n}/*`,
          change: 'added' as const,
        })),
      ),
    );
    const diagram = renderAccessMap(reachOf(...many))!;
    expect(validateMermaid(diagram)).toEqual([]);
    expect(countMermaidNodes(diagram)).toBeLessThanOrEqual(MERMAID_MAX_NODES);
    expect(diagram).toMatch(/\{\{"and \d+ more/);
  });

  it('keeps any hostile name inside its label: the diagram stays valid for every input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.string({ maxLength: 60 }),
        (name, resource) => {
          const diagram = renderAccessMap(
            reachOf(
              workload('aws_bedrockagent_agent.x', name, [{ resource, change: 'added', unlogged: true }]),
            ),
          )!;
          expect(validateMermaid(diagram)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('encodes the characters that would end a label, a link or the code fence', () => {
    expect(escapeMermaidLabel('a"b<c>d`e[f]g|h#i&j%k')).toBe(
      'a#quot;b#lt;c#gt;d#96;e#91;f#93;g#124;h#35;i#38;j#37;k',
    );
    expect(escapeMermaidLabel('line\nbreak')).toBe('line break');
    expect(Array.from(escapeMermaidLabel('x'.repeat(200))).length).toBe(72);
  });
});

describe('the access map in the comment', () => {
  const reach = reachOf(
    workload('aws_bedrockagent_agent.a', 'support', [
      { resource: 'arn:aws:s3:::docs/*', change: 'added', unlogged: true },
    ]),
  );

  it('appears as one mermaid block', () => {
    const markdown = renderMarkdown(report({ reach }));
    expect(markdown).toContain('### AI access map');
    expect(markdown.match(/```mermaid\n/g)).toHaveLength(1);
  });

  it('is cut whole, with a note, when the comment is over its budget', () => {
    const full = renderMarkdown(report({ reach }));
    const diagram = full.slice(full.indexOf('### AI access map'));
    const cut = renderMarkdown(report({ reach }), { maxLength: full.length - diagram.length / 2 });
    expect(cut).not.toContain('```mermaid');
    expect(cut).toContain('AI access map (all 1)');
  });

  it('is absent when nothing AI-relevant changed', () => {
    expect(renderMarkdown(report())).not.toContain('mermaid');
  });
});
