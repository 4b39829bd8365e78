import type { Finding } from '../finding.js';
import type { CoverageStatus } from '../../model/report.js';
import type { AiResourceEntry } from './ai-resources.js';
import { describeEntry, describeFix, describeStatus } from './finding-text.js';
import type { ResourceCoverage } from './resource-coverage.js';
import type { ResourceState } from './resource-state.js';

type Side = { readonly entry: AiResourceEntry; readonly coverage: ResourceCoverage };

function isLogged(status: CoverageStatus): boolean {
  return status === 'full' || status === 'partial';
}

function finding(
  ruleId: Finding['ruleId'],
  entry: AiResourceEntry,
  title: string,
  message: string,
  existing = false,
): Finding {
  const location = entry.resource.location;
  return {
    ruleId,
    title,
    message,
    resource: entry.resource.id,
    ...(location === undefined ? {} : { location }),
    ...(existing ? { existing: true } : {}),
  };
}

/** How to record the entry's data events. */
function fixFor(entry: Side['entry']): string {
  return describeFix({ dataResourceType: entry.dataResourceType, arn: entry.resource.arn });
}

/** A resource that is new to the AI set: created, or a resource that a change links to AI for the first time. */
function newResourceFindings(after: Side, created: boolean): Finding[] {
  const { entry, coverage } = after;
  const id = entry.resource.id;
  const how = created ? 'is created' : 'becomes part of an AI workload';
  const fix = fixFor(entry);
  if (coverage.status === 'none') {
    return [
      finding(
        'unlogged-ai-resource',
        entry,
        `New AI resource ${id} is not logged`,
        `${describeEntry(entry)} ${how} in this change, and no sink records its CloudTrail data events. ${fix}`,
      ),
    ];
  }
  if (coverage.status === 'unknown') {
    return [
      finding(
        'unlogged-ai-resource',
        entry,
        `New AI resource ${id} may not be logged`,
        `${describeEntry(entry)} ${how} in this change, and whether a sink records its CloudTrail data events ` +
          `cannot be told before apply (${coverage.detail ?? 'a value is known only after apply'}). ${fix}`,
      ),
    ];
  }
  if (coverage.status === 'partial') {
    return [
      finding(
        'partially-logged-ai-resource',
        entry,
        `New AI resource ${id} is only partly logged`,
        `${describeEntry(entry)} ${how} in this change, and its CloudTrail data events are ` +
          `${describeStatus(coverage.status, coverage.detail)}. ${fix}`,
      ),
    ];
  }
  return [];
}

/** A resource that is an AI resource on both sides. */
function changedResourceFindings(before: Side, after: Side): Finding[] {
  const { entry } = after;
  const id = entry.resource.id;
  const was = before.coverage.status;
  const now = after.coverage.status;
  const change =
    `${describeEntry(entry)} was ${describeStatus(was, before.coverage.detail)} before this change and is ` +
    `${describeStatus(now, after.coverage.detail)} after it.`;
  if ((isLogged(was) && now === 'none') || (was === 'full' && now === 'partial')) {
    const title = now === 'none' ? `${id} is no longer logged` : `${id} is now only partly logged`;
    return [finding('coverage-lost', entry, title, `${change} ${fixFor(entry)}`)];
  }
  if (isLogged(was) && now === 'unknown') {
    return [
      finding(
        'coverage-lost',
        entry,
        `${id} may no longer be logged`,
        `${change} Whether a sink still records it cannot be told before apply. ` + fixFor(entry),
      ),
    ];
  }
  if ((was === 'none' && isLogged(now)) || (was === 'partial' && now === 'full')) {
    const title = now === 'full' ? `${id} is now fully logged` : `${id} is now partly logged`;
    return [finding('coverage-gained', entry, title, change)];
  }
  if (now === 'none') {
    return [
      finding(
        'unlogged-ai-resource',
        entry,
        `${id} is not logged`,
        `${describeEntry(entry)} is not logged, before or after this change. ${fixFor(entry)}`,
        true,
      ),
    ];
  }
  if (now === 'partial') {
    return [
      finding(
        'partially-logged-ai-resource',
        entry,
        `${id} is only partly logged`,
        `${describeEntry(entry)} is ${describeStatus(now, after.coverage.detail)}, as it was before this change. ` +
          fixFor(entry),
        true,
      ),
    ];
  }
  return [];
}

/**
 * The coverage rules about one resource. Only what the change makes worse is a finding of its own; standing gaps
 * are marked `existing`; a deleted resource gives nothing. A status that becomes unknown is reported as what it may
 * be ("may not be logged"), with the reason, because a verdict that rests on an unknown value must say so.
 */
export function resourceFindings(state: ResourceState): Finding[] {
  if (state.after === undefined || state.action === 'delete') return [];
  if (state.before === undefined) return newResourceFindings(state.after, state.action === 'create');
  return changedResourceFindings(state.before, state.after);
}
