// Generates Terraform plan JSON (`terraform show -json` shape) for end-to-end tests of any size.

/** A plan that creates `count` Bedrock agent aliases and no trail: each alias is an unlogged AI resource. */
export function buildAliasPlan(count: number): unknown {
  const resourceChanges = Array.from({ length: count }, (_, index) => {
    const id = `ALIAS${String(index).padStart(5, '0')}`;
    return {
      address: `aws_bedrockagent_agent_alias.alias_${index}`,
      mode: 'managed',
      type: 'aws_bedrockagent_agent_alias',
      name: `alias_${index}`,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['create'],
        before: null,
        after: {
          agent_alias_name: `alias-${index}`,
          agent_id: 'AGENT00001',
          description: `Alias number ${index}`,
          tags: null,
        },
        after_unknown: { agent_alias_arn: true, agent_alias_id: true, id: true, tags_all: true },
        before_sensitive: false,
        after_sensitive: {},
      },
      id,
    };
  });
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    resource_changes: resourceChanges,
    configuration: {
      provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } },
    },
    applyable: true,
    complete: true,
    errored: false,
  };
}
