import type { ChangeAction } from '../../model/resource.js';
import type { AiResourceEntry } from './ai-resources.js';
import type { ResourceCoverage } from './resource-coverage.js';

/** One AI resource across the change: its entry and coverage on each side where it is an AI resource. */
export interface ResourceState {
  readonly id: string;
  readonly action: ChangeAction;
  readonly before?: { readonly entry: AiResourceEntry; readonly coverage: ResourceCoverage };
  readonly after?: { readonly entry: AiResourceEntry; readonly coverage: ResourceCoverage };
}
