import { Buffer } from 'node:buffer';

/** A part of the comment that may be shortened item by item, or left out, to meet the size budget. */
export interface BudgetSection {
  readonly key: string;
  /** How the cut note names what was cut: "standing gaps", "critical findings". */
  readonly label: string;
  /** Everything before the first item (heading, table header, `<details>` opening). */
  readonly head: string;
  /** One string per item (list entry, table row, role block), each ending in a newline. */
  readonly items: readonly string[];
  /** Everything after the last item (closing tags). */
  readonly tail: string;
  /** The line that says how many items were left out; placed between the items and the tail. */
  readonly omitted: (count: number) => string;
}

/**
 * The size a comment takes: UTF-8 bytes, never fewer than its characters, so the budget holds whichever way GitHub
 * counts.
 */
export function measureComment(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function renderSection(section: BudgetSection, count: number): string {
  if (count === 0) return '';
  const left = section.items.length - count;
  return (
    section.head +
    section.items.slice(0, count).join('') +
    (left > 0 ? section.omitted(left) : '') +
    section.tail
  );
}

/** Cuts a string to at most `limit` bytes without splitting a character. */
function truncateToBytes(text: string, limit: number): string {
  let result = '';
  let size = 0;
  for (const char of text) {
    const charSize = measureComment(char);
    if (size + charSize > limit) break;
    result += char;
    size += charSize;
  }
  return result;
}

/** What was cut from one section, for the cut note. */
export interface SectionCut {
  readonly label: string;
  readonly kept: number;
  readonly total: number;
}

/**
 * Assembles the lead and the sections (in display order, separated by blank lines) within `maxLength`. When the
 * whole does not fit, sections are shortened in `cutOrder` (first listed, first cut): each is emptied in turn
 * until the rest fits, and the last one touched keeps as many items as still fit. Whenever anything was cut,
 * `describeCuts` adds a note at the end. If even the lead and the note are too long, the text is cut hard.
 */
export function fitToBudget(
  lead: string,
  sections: readonly BudgetSection[],
  cutOrder: readonly string[],
  maxLength: number,
  describeCuts: (cuts: readonly SectionCut[]) => string,
): string {
  const counts = new Map(sections.map((section) => [section.key, section.items.length]));
  const assemble = (): string => {
    const parts = [lead, ...sections.map((section) => renderSection(section, counts.get(section.key) ?? 0))];
    const cuts = sections
      .filter((section) => (counts.get(section.key) ?? 0) < section.items.length)
      .map((section) => ({
        label: section.label,
        kept: counts.get(section.key) ?? 0,
        total: section.items.length,
      }));
    if (cuts.length > 0) parts.push(describeCuts(cuts));
    // Each part ends in exactly one newline, so joining with one more leaves exactly one blank line between them.
    return parts
      .filter((part) => part !== '')
      .map((part) => part.replace(/\n*$/, '\n'))
      .join('\n');
  };
  const fits = (): boolean => measureComment(assemble()) <= maxLength;
  if (fits()) return assemble();
  for (const key of cutOrder) {
    const section = sections.find((candidate) => candidate.key === key);
    if (section === undefined || section.items.length === 0) continue;
    counts.set(key, 0);
    if (!fits()) continue;
    // Largest item count that still fits: fitting is monotone in the count, so bisect.
    let low = 0;
    let high = section.items.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      counts.set(key, middle);
      if (fits()) low = middle;
      else high = middle - 1;
    }
    counts.set(key, low);
    return assemble();
  }
  return truncateToBytes(assemble(), Math.max(0, maxLength));
}
