// Builders of access-map (reach) report sections for the renderer tests.
import type { ReachChange, ReportReach, ReportReachWorkload } from '../../src/model/report.js';

/** An agent workload whose role reads the given S3 targets, each recorded by a trail or not. */
export function workload(
  id: string,
  name: string,
  targets: { resource: string; change: ReachChange; unlogged?: boolean }[],
): ReportReachWorkload {
  return {
    id,
    iacType: 'aws_bedrockagent_agent',
    name,
    action: 'update',
    changed: true,
    roles: [
      {
        id: `${id}.role`,
        name: `${name}-role`,
        change: 'unchanged',
        access: [
          {
            service: 's3',
            accessLevel: 'Read',
            eventCategory: 'data',
            actions: ['s3:GetObject'],
            actionCount: 1,
            change: 'changed',
            targets: targets.map((target) => ({
              resource: target.resource,
              resources: [],
              resourceCount: 0,
              change: target.change,
              recording: target.unlogged ? 'not-recorded' : 'recorded',
              recordedBy: target.unlogged ? [] : ['aws_cloudtrail.audit'],
            })),
          },
        ],
      },
    ],
    uses: [],
  };
}

/** A reach section holding the given workloads. */
export const reachOf = (...workloads: ReportReachWorkload[]): ReportReach => ({ workloads });
