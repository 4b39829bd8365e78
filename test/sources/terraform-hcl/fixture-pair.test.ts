import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { terraformHclSource } from '../../../src/sources/terraform-hcl.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));

describe('fixtures/hcl/agent-alias-selector', () => {
  it('reads the added selector, with the alias ARN kept as a reference to the alias', async () => {
    const loaded = await terraformHclSource.load(
      {
        before: 'fixtures/hcl/agent-alias-selector/before',
        after: 'fixtures/hcl/agent-alias-selector/after',
        idPrefix: '',
      },
      { cwd: repository, maxInputBytes: 1e9 },
    );
    expect(loaded.before.sinks[0]?.advancedSelectors).toBeNull();
    const [selector] = loaded.after.sinks[0]?.advancedSelectors as { fieldSelectors: unknown[] }[];
    expect(selector?.fieldSelectors[2]).toEqual({
      field: 'resources.ARN',
      operators: { Equals: [{ parts: [{ ref: 'aws_bedrockagent_agent_alias.live', attribute: 'arn' }] }] },
    });
    expect(loaded.after.resources[0]).toMatchObject({
      id: 'aws_bedrockagent_agent_alias.live',
      dataResourceType: 'AWS::Bedrock::AgentAlias',
      region: 'us-east-1',
      location: { file: 'fixtures/hcl/agent-alias-selector/after/main.tf', line: 5 },
    });
    expect(loaded.changes).toEqual({
      'aws_bedrockagent_agent_alias.live': 'no-op',
      'aws_cloudtrail.main': 'update',
    });
  });
});
