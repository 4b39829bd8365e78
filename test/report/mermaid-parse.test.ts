// The access map must parse with Mermaid itself (the renderer GitHub uses), not only with our own subset checker.
// Mermaid needs a DOM for its sanitiser, so a jsdom window stands in for the browser.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAccessMap } from '../../src/report/mermaid.js';
import { reachOf, workload } from '../support/reach-builders.js';

type MermaidApi = { parse(text: string): Promise<unknown> };
let mermaid: MermaidApi;

beforeAll(async () => {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default as unknown as MermaidApi;
});

/** The body of every ```mermaid block in a Markdown text. */
function diagramsIn(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe('the access map, parsed by Mermaid', () => {
  it.each(['secret-bearing-agent', 'evaluation-pipeline', 'cross-account', '../fixtures/demo'])(
    'the %s comment has a diagram that Mermaid accepts',
    async (name) => {
      const markdown = await readFile(new URL(`../golden/scenarios/${name}.md`, import.meta.url), 'utf8');
      const diagrams = diagramsIn(markdown);
      expect(diagrams).toHaveLength(1);
      await expect(mermaid.parse(diagrams[0]!)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    },
  );

  it('rejects a broken diagram, so that the check above can fail', async () => {
    await expect(mermaid.parse('flowchart LR\n  n1["a"] ==> |')).rejects.toThrow(/Parse error/);
  });

  it('accepts the diagram for any hostile workload name and resource', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.string({ maxLength: 60 }),
        async (name, resource) => {
          const diagram = renderAccessMap(
            reachOf(
              workload('aws_bedrockagent_agent.x', name, [{ resource, change: 'added', unlogged: true }]),
            ),
          );
          expect(diagram).toBeDefined();
          await expect(mermaid.parse(diagram!)).resolves.toBeTruthy();
        },
      ),
      { numRuns: 100 },
    );
  });
});
