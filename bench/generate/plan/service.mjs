// One module instance of ordinary infrastructure in a generated plan, which the tool must pass over quickly.
import { ACCOUNT, REGION } from './facts.mjs';

/** One module instance of ordinary infrastructure, with a nested database module. */
export function buildService(index, random) {
  const key = `svc-${String(index).padStart(6, '0')}`;
  const module = `module.services["${key}"]`;
  const dbModule = `${module}.module.db`;
  const team = random.pick(['payments', 'search', 'identity', 'catalog', 'web']);
  const updated = random.chance(0.1);
  /** @type {PlannedResource[]} */
  const resources = [];
  const add = (type, name, values, extra = {}) => {
    const { sensitive, index: count, inModule = module, changedAfter } = extra;
    resources.push({
      type,
      name,
      ...(count === undefined ? {} : { index: count }),
      module: inModule,
      before: values,
      after: changedAfter === undefined ? values : { ...values, ...changedAfter },
      computed: [],
      ...(sensitive === undefined ? {} : { sensitive }),
      actions: changedAfter === undefined ? ['no-op'] : ['update'],
    });
  };
  const sg = `sg-${random.id(17).toLowerCase()}`;
  add('aws_security_group', 'this', {
    name: `${key}-app`,
    description: `Application traffic for ${key}`,
    id: sg,
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${sg}`,
    vpc_id: `vpc-${random.id(17).toLowerCase()}`,
    owner_id: ACCOUNT,
    revoke_rules_on_delete: false,
    ingress: [],
    egress: [],
    tags: { team },
  });
  for (let rule = 0; rule < 6; rule += 1) {
    add(
      'aws_security_group_rule',
      'ingress',
      {
        type: 'ingress',
        from_port: 443 + rule,
        to_port: 443 + rule,
        protocol: 'tcp',
        cidr_blocks: [`10.${random.below(255)}.0.0/16`],
        security_group_id: sg,
        id: `sgrule-${random.below(4294967295)}`,
      },
      { index: rule },
    );
  }
  for (let instance = 0; instance < 1; instance += 1) {
    const id = `i-${random.id(17).toLowerCase()}`;
    add(
      'aws_instance',
      'app',
      {
        ami: `ami-${random.id(17).toLowerCase()}`,
        instance_type: random.pick(['t3.medium', 'm6i.large', 'c6i.xlarge']),
        id,
        arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`,
        subnet_id: `subnet-${random.id(17).toLowerCase()}`,
        vpc_security_group_ids: [sg],
        private_ip: `10.${random.below(255)}.${random.below(255)}.${random.below(255)}`,
        monitoring: true,
        ebs_optimized: true,
        root_block_device: [
          { volume_size: 50, volume_type: 'gp3', encrypted: true, delete_on_termination: true },
        ],
        metadata_options: [
          { http_tokens: 'required', http_endpoint: 'enabled', http_put_response_hop_limit: 1 },
        ],
        user_data: null,
        tags: { team },
      },
      {
        index: instance,
        ...(updated && instance === 0 ? { changedAfter: { instance_type: 'm6i.xlarge' } } : {}),
      },
    );
  }
  add('aws_cloudwatch_log_group', 'app', {
    name: `/app/${key}`,
    arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/app/${key}`,
    retention_in_days: 30,
    kms_key_id: '',
    id: `/app/${key}`,
  });
  add(
    'aws_ssm_parameter',
    'db_password',
    {
      name: `/${key}/db/password`,
      type: 'SecureString',
      value: `pw-${random.id(20)}`,
      arn: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${key}/db/password`,
      tier: 'Standard',
      version: 1,
      id: `/${key}/db/password`,
    },
    { sensitive: { value: true } },
  );
  add('aws_sqs_queue', 'jobs', {
    name: `${key}-jobs`,
    arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${key}-jobs`,
    url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${key}-jobs`,
    visibility_timeout_seconds: 60,
    message_retention_seconds: 345600,
    id: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${key}-jobs`,
  });
  for (const host of ['app', 'api', 'admin', 'metrics']) {
    add(
      'aws_route53_record',
      'host',
      {
        zone_id: 'Z0123456789ABCDEFGHIJ',
        name: `${host}.${key}.example.com`,
        type: 'A',
        ttl: 300,
        records: [`10.${random.below(255)}.${random.below(255)}.${random.below(255)}`],
        id: `Z0123456789ABCDEFGHIJ_${host}.${key}.example.com_A`,
      },
      { index: host },
    );
  }
  add(
    'aws_db_instance',
    'this',
    {
      identifier: `${key}-db`,
      engine: 'postgres',
      engine_version: '16.3',
      instance_class: 'db.r6g.large',
      allocated_storage: 100,
      username: 'app',
      password: `pw-${random.id(20)}`,
      arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${key}-db`,
      endpoint: `${key}-db.abcdefghijkl.${REGION}.rds.amazonaws.com:5432`,
      storage_encrypted: true,
      multi_az: true,
      backup_retention_period: 7,
      id: `db-${random.id(26)}`,
      tags: { team },
    },
    { inModule: dbModule, sensitive: { password: true } },
  );
  add(
    'aws_db_subnet_group',
    'this',
    {
      name: `${key}-db`,
      subnet_ids: [`subnet-${random.id(17).toLowerCase()}`, `subnet-${random.id(17).toLowerCase()}`],
      arn: `arn:aws:rds:${REGION}:${ACCOUNT}:subgrp:${key}-db`,
      id: `${key}-db`,
    },
    { inModule: dbModule },
  );
  return { key, module, resources };
}
