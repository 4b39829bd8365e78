import type { ReportReach } from '../model/report.js';
import type { BudgetSection } from './markdown-budget.js';
import { renderAccessMap } from './mermaid.js';

const LEGEND =
  'What the AI workloads this change touches can reach through their roles. ' +
  'Thick green arrows are new with this change, dotted red ones are lost; ' +
  'a red border marks resources whose activity no trail or event data store records.\n\n';

/**
 * The access map as one budget section: the Mermaid diagram is a single item, so the budget keeps it whole or cuts
 * it whole. Empty (and so left out) when no AI workload changed.
 */
export function buildAccessMapSection(reach: ReportReach): BudgetSection {
  const diagram = renderAccessMap(reach);
  return {
    key: 'access-map',
    label: 'AI access map',
    head: `### AI access map\n\n${LEGEND}`,
    // The diagram holds only generated ids and escaped labels, and never a backtick, so no label can close the fence.
    items: diagram === undefined ? [] : [`\`\`\`mermaid\n${diagram}\`\`\`\n`],
    tail: '',
    omitted: () => '',
  };
}
