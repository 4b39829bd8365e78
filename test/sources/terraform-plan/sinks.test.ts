import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../../src/model/unknown.js';
import { change, loadPlan, plan } from '../../support/terraform-plan-builder.js';

const NULL_OPERATORS = {
  not_equals: null,
  starts_with: null,
  not_starts_with: null,
  ends_with: null,
  not_ends_with: [],
};

describe('trails and event data stores', () => {
  it('reads an aws trail with basic selectors and the provider defaults', async () => {
    const input = await loadPlan(
      plan(
        [
          change('aws_cloudtrail.basic', {
            after: {
              name: 'basic',
              enable_logging: null,
              is_multi_region_trail: null,
              is_organization_trail: true,
              event_selector: [
                {
                  read_write_type: null,
                  include_management_events: null,
                  exclude_management_event_sources: ['kms.amazonaws.com'],
                  data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::docs/'] }],
                },
              ],
              advanced_event_selector: [],
            },
            afterUnknown: { arn: true, home_region: true },
          }),
        ],
        { region: 'eu-central-1' },
      ),
    );
    expect(input.after.sinks[0]).toMatchObject({
      id: 'aws_cloudtrail.basic',
      kind: 'trail',
      name: 'basic',
      logging: true,
      multiRegion: false,
      organization: true,
      homeRegion: 'eu-central-1',
      advancedSelectors: null,
      basicSelectors: [
        {
          readWriteType: 'All',
          includeManagementEvents: true,
          excludeManagementEventSources: ['kms.amazonaws.com'],
          dataResources: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::docs/'] }],
        },
      ],
    });
  });

  it('reads an aws trail with advanced selectors, treating null and [] operators as absent', async () => {
    const input = await loadPlan(
      plan([
        change('aws_cloudtrail.ai', {
          actions: ['update'],
          before: { name: 'ai', enable_logging: true, event_selector: [], advanced_event_selector: [] },
          after: {
            name: 'ai',
            enable_logging: false,
            is_multi_region_trail: true,
            event_selector: [],
            advanced_event_selector: [
              {
                name: 'bedrock',
                field_selector: [
                  { field: 'eventCategory', equals: ['Data'], ...NULL_OPERATORS },
                  { field: 'resources.type', equals: ['AWS::Bedrock::AgentAlias'], ...NULL_OPERATORS },
                  {
                    field: 'resources.ARN',
                    equals: null,
                    not_equals: null,
                    starts_with: ['arn:aws:bedrock:'],
                    not_starts_with: null,
                    ends_with: null,
                    not_ends_with: ['/TSTALIASID'],
                  },
                ],
              },
            ],
          },
        }),
      ]),
    );
    expect(input.before.sinks[0]).toMatchObject({
      logging: true,
      basicSelectors: null,
      advancedSelectors: null,
    });
    expect(input.after.sinks[0]).toMatchObject({
      logging: false,
      multiRegion: true,
      basicSelectors: null,
      advancedSelectors: [
        {
          name: 'bedrock',
          fieldSelectors: [
            { field: 'eventCategory', operators: { Equals: ['Data'] } },
            { field: 'resources.type', operators: { Equals: ['AWS::Bedrock::AgentAlias'] } },
            {
              field: 'resources.ARN',
              operators: { StartsWith: ['arn:aws:bedrock:'], NotEndsWith: ['/TSTALIASID'] },
            },
          ],
        },
      ],
    });
  });

  it('reads an aws event data store: suspend, defaults, and computed selectors as unknown', async () => {
    const input = await loadPlan(
      plan([
        change('aws_cloudtrail_event_data_store.lake', {
          after: { name: 'lake', suspend: null, multi_region_enabled: null, organization_enabled: null },
          afterUnknown: { arn: true, advanced_event_selector: true },
        }),
        change('aws_cloudtrail_event_data_store.off', {
          after: { name: 'off', suspend: true, multi_region_enabled: false, advanced_event_selector: [] },
        }),
      ]),
    );
    const [lake, off] = input.after.sinks;
    expect(lake).toMatchObject({
      kind: 'event-data-store',
      logging: true,
      multiRegion: true,
      organization: false,
      basicSelectors: null,
    });
    expect(isUnknown(lake?.advancedSelectors)).toBe(true);
    expect(off).toMatchObject({ logging: false, multiRegion: false, advancedSelectors: null });
  });

  it('reads awscc trails and event data stores', async () => {
    const input = await loadPlan(
      plan([
        change('awscc_cloudtrail_trail.t', {
          after: {
            trail_name: 'awscc-trail',
            is_logging: true,
            is_multi_region_trail: true,
            event_selectors: [
              {
                read_write_type: 'WriteOnly',
                include_management_events: false,
                data_resources: [{ type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] }],
                exclude_management_event_sources: null,
              },
            ],
            advanced_event_selectors: null,
          },
        }),
        change('awscc_cloudtrail_trail.adv', {
          after: {
            trail_name: 'adv',
            is_logging: true,
            advanced_event_selectors: [
              {
                name: 'kb',
                field_selectors: [
                  { field: 'eventCategory', equals: ['Data'] },
                  { field: 'resources.type', equals: ['AWS::Bedrock::KnowledgeBase'] },
                ],
              },
            ],
          },
          afterUnknown: { event_selectors: true },
        }),
        change('awscc_cloudtrail_event_data_store.eds', {
          after: {
            name: 'eds',
            ingestion_enabled: false,
            advanced_event_selectors: [
              { field_selectors: [{ field: 'eventCategory', equals: ['Management'] }] },
            ],
          },
        }),
      ]),
    );
    const byId = new Map(input.after.sinks.map((sink) => [sink.id, sink]));
    expect(byId.get('awscc_cloudtrail_trail.t')).toMatchObject({
      name: 'awscc-trail',
      multiRegion: true,
      advancedSelectors: null,
      basicSelectors: [
        {
          readWriteType: 'WriteOnly',
          includeManagementEvents: false,
          dataResources: [{ type: 'AWS::Lambda::Function', values: ['arn:aws:lambda'] }],
          excludeManagementEventSources: [],
        },
      ],
    });
    expect(byId.get('awscc_cloudtrail_trail.adv')).toMatchObject({
      basicSelectors: null,
      advancedSelectors: [
        { name: 'kb', fieldSelectors: [{ field: 'eventCategory' }, { field: 'resources.type' }] },
      ],
    });
    expect(byId.get('awscc_cloudtrail_event_data_store.eds')).toMatchObject({
      kind: 'event-data-store',
      logging: false,
      multiRegion: true,
      advancedSelectors: [
        { fieldSelectors: [{ field: 'eventCategory', operators: { Equals: ['Management'] } }] },
      ],
    });
  });
});
