import type { ChangeAction } from '../model/resource.js';
import type { CoverageStatus, Severity } from '../model/report.js';

/** Emoji per severity, for Markdown headings. */
export const SEVERITY_EMOJI: Readonly<Record<Severity, string>> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

/** Capitalizes the first letter: a severity as a heading word ("Critical"). */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Emoji per coverage status; absent (the resource does not exist on that side) is a dash. */
export function statusEmoji(status: CoverageStatus | null): string {
  switch (status) {
    case 'full':
      return '🟢';
    case 'partial':
      return '🟡';
    case 'none':
      return '🔴';
    case 'unknown':
      return '❔';
    case null:
      return '';
  }
}

/** A coverage status as words: "full", or "absent" for a side where the resource does not exist. */
export function describeStatus(status: CoverageStatus | null): string {
  return status ?? 'absent';
}

/** How the change treats a resource, in a reader's words. */
export function describeAction(action: ChangeAction): string {
  switch (action) {
    case 'create':
      return 'created';
    case 'update':
      return 'updated';
    case 'delete':
      return 'deleted';
    case 'replace':
      return 'replaced';
    case 'no-op':
      return 'unchanged';
  }
}

/** `1,234`: counts in prose read better grouped. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** "1 finding", "2 findings". */
export function pluralize(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}

/** Where a finding or resource was written, as `file:line` text. */
export function describeLocation(location: { file: string; line?: number }): string {
  return location.line !== undefined && location.line >= 1
    ? `${location.file}:${location.line}`
    : location.file;
}
