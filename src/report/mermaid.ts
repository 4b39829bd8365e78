import type {
  ReachChange,
  ReachRecording,
  ReportReach,
  ReportReachAccess,
  ReportReachTarget,
  ReportReachWorkload,
} from '../model/report.js';
import { flattenText } from './escape.js';

/** GitHub renders diagrams with this many nodes legibly; the rest fold into "and N more" nodes. */
export const MERMAID_MAX_NODES = 30;

/** The longest label shown, in characters; longer text is cut with an ellipsis. */
const MAX_LABEL = 72;

/**
 * Characters that Mermaid's flowchart grammar, its HTML labels or the surrounding Markdown fence would read as
 * structure, written as Mermaid entity codes (`#quot;`, `#60;`): quotes, angle brackets, backticks, brackets,
 * pipes, ampersands, the `#` that starts an entity, and `%` (comments).
 */
const LABEL_ENTITIES: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '#': '#35;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '&': '#38;',
  '%': '#37;',
  '\\': '#92;',
};

/** Cuts text to at most `max` characters, ending in an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? [...chars.slice(0, max - 1), '…'].join('') : text;
}

/** Makes untrusted text a safe Mermaid label body: one line, at most 72 characters, structure characters encoded. */
export function escapeMermaidLabel(text: string): string {
  return Array.from(clip(flattenText(text).trim(), MAX_LABEL))
    .map((char) => LABEL_ENTITIES[char] ?? char)
    .join('');
}

type Shape = 'workload' | 'role' | 'target' | 'more';
type EdgeStyle = 'new' | 'lost' | 'kept';

interface Node {
  readonly id: string;
  readonly shape: Shape;
  readonly label: string;
  classes: Set<string>;
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly style: EdgeStyle;
}

const SHAPES: Readonly<Record<Shape, [string, string]>> = {
  workload: ['["', '"]'],
  role: ['(["', '"])'],
  target: ['[("', '")]'],
  more: ['{{"', '"}}'],
};

const ARROWS: Readonly<Record<EdgeStyle, string>> = { new: '==>', lost: '-.->', kept: '-->' };

const CLASS_DEFS: Readonly<Record<string, string>> = {
  workload: 'fill:#ddf4ff,stroke:#0969da,color:#1f2328',
  role: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  target: 'fill:#f6f8fa,stroke:#57606a,color:#1f2328',
  unlogged: 'fill:#ffebe9,stroke:#cf222e,stroke-width:3px,color:#1f2328',
  partial: 'fill:#fff8c5,stroke:#bf8700,stroke-width:2px,stroke-dasharray:4 2,color:#1f2328',
  more: 'fill:#ffffff,stroke:#8c959f,stroke-dasharray:3 3,color:#57606a',
};

const LINK_STYLES: Readonly<Record<Exclude<EdgeStyle, 'kept'>, string>> = {
  new: 'stroke:#1a7f37,stroke-width:3px',
  lost: 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 4',
};

const RECORDING_ORDER: readonly ReachRecording[] = ['not-recorded', 'partial', 'unknown', 'recorded'];

const RECORDING_NOTE: Readonly<Record<ReachRecording, string>> = {
  'not-recorded': 'not logged',
  partial: 'partly logged',
  unknown: 'logging unknown',
  recorded: '',
};

function styleOf(change: ReachChange): EdgeStyle {
  if (change === 'added') return 'new';
  if (change === 'removed') return 'lost';
  return 'kept';
}

/** The change that decides an edge's style: the target's own when the access as a whole stays. */
function itemChange(access: ReportReachAccess, target: ReportReachTarget): ReachChange {
  return access.change === 'added' || access.change === 'removed' ? access.change : target.change;
}

/** A target worth drawing: it changed, or it is not fully logged (a standing gap a reviewer should see). */
function isShown(access: ReportReachAccess, target: ReportReachTarget): boolean {
  return itemChange(access, target) !== 'unchanged' || target.recording !== 'recorded';
}

function worst(recordings: Iterable<ReachRecording>): ReachRecording {
  let index = RECORDING_ORDER.length - 1;
  for (const recording of recordings) index = Math.min(index, RECORDING_ORDER.indexOf(recording));
  return RECORDING_ORDER[index]!;
}

/**
 * An id without the input-path prefix several inputs give it (`infra/plan.json:aws_s3_bucket.x`); ARNs stay whole.
 * The prefix ends before any index, so a `for_each` key with a colon in it (`aws_s3_bucket.x["a:b"]`) is kept.
 */
export function shortenId(id: string): string {
  if (id.startsWith('arn:')) return id;
  const index = id.search(/[[(]/);
  const head = index < 0 ? id : id.slice(0, index);
  return id.slice(head.lastIndexOf(':') + 1);
}

function describeWorkload(workload: ReportReachWorkload): string {
  const suffix = workload.action === 'create' ? ' · new' : workload.action === 'delete' ? ' · deleted' : '';
  return `${workload.name} (${workload.iacType})${suffix}`;
}

/** Builds the graph within the node budget, then prints it. */
class AccessGraph {
  private readonly nodes = new Map<string, Node>();
  private readonly edges: Edge[] = [];
  private readonly edgeKeys = new Set<string>();
  private skippedWorkloads = 0;
  private skippedItems = 0;
  /** Calls between drawn workloads, resolved once every workload has claimed its node. */
  private readonly pending: { from: string; toKey: string; label: string; style: EdgeStyle }[] = [];

  constructor(private readonly maxNodes: number) {}

  /** Room for one more node, keeping one slot for the final "and N more" node. */
  private hasRoom(extra = 1): boolean {
    return this.nodes.size + extra <= this.maxNodes - 1;
  }

  private node(key: string, shape: Shape, label: string, classes: string[]): string | undefined {
    const existing = this.nodes.get(key);
    if (existing) {
      for (const name of classes) existing.classes.add(name);
      return existing.id;
    }
    if (!this.hasRoom()) return undefined;
    const id = `n${this.nodes.size + 1}`;
    this.nodes.set(key, { id, shape, label, classes: new Set(classes) });
    return id;
  }

  private edge(from: string, to: string, label: string, style: EdgeStyle): void {
    const key = `${from}\u0000${to}\u0000${label}\u0000${style}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, label, style });
  }

  addWorkload(workload: ReportReachWorkload, drawn: ReadonlySet<string>): void {
    // A workload needs its own node and at least one for its role to say anything.
    if (!this.nodes.has(`w:${workload.id}`) && !this.hasRoom(2)) {
      this.skippedWorkloads += 1;
      return;
    }
    const from = this.node(`w:${workload.id}`, 'workload', describeWorkload(workload), ['workload'])!;
    for (const role of workload.roles) {
      const roleId = this.node(`r:${role.id}`, 'role', `role ${role.name}`, ['role']);
      if (roleId === undefined) {
        this.skippedItems += 1;
        continue;
      }
      this.edge(from, roleId, 'runs as', styleOf(role.change));
      this.addTargets(roleId, role.access);
    }
    for (const use of workload.uses) {
      const label = use.relation === 'tool-function' ? 'calls tool' : 'uses';
      if (drawn.has(use.id)) {
        this.pending.push({ from, toKey: `w:${use.id}`, label, style: styleOf(use.change) });
        continue;
      }
      if (use.change === 'unchanged') continue;
      const target = this.node(`u:${use.id}`, 'target', shortenId(use.id), ['target']);
      if (target === undefined) this.skippedItems += 1;
      else this.edge(from, target, label, styleOf(use.change));
    }
  }

  private addTargets(roleId: string, accesses: readonly ReportReachAccess[]): void {
    // One node per service and resource pattern; one edge per change style, labelled with the access levels.
    const groups = new Map<
      string,
      { label: string; recordings: ReachRecording[]; levels: Map<EdgeStyle, Set<string>> }
    >();
    for (const access of accesses) {
      for (const target of access.targets) {
        if (!isShown(access, target)) continue;
        const key = `t:${access.service}\u0000${target.resource}`;
        const group = groups.get(key) ?? {
          label: `${access.service}: ${target.resource}`,
          recordings: [],
          levels: new Map<EdgeStyle, Set<string>>(),
        };
        group.recordings.push(target.recording);
        const style = styleOf(itemChange(access, target));
        const levels = group.levels.get(style) ?? new Set<string>();
        levels.add(access.accessLevel);
        group.levels.set(style, levels);
        groups.set(key, group);
      }
    }
    let skipped = 0;
    for (const [key, group] of groups) {
      const recording = worst(group.recordings);
      const note = RECORDING_NOTE[recording];
      const classes = [
        'target',
        ...(recording === 'not-recorded' ? ['unlogged'] : recording === 'partial' ? ['partial'] : []),
      ];
      // The resource part is clipped first, so that the logging note always survives the label limit.
      const label = note === '' ? group.label : `${clip(group.label, MAX_LABEL - note.length - 3)} · ${note}`;
      const id = this.node(key, 'target', label, classes);
      if (id === undefined) {
        skipped += 1;
        continue;
      }
      for (const style of ['new', 'lost', 'kept'] as const) {
        const levels = group.levels.get(style);
        if (levels) this.edge(roleId, id, [...levels].sort().join(', '), style);
      }
    }
    if (skipped === 0) return;
    const fold =
      this.nodes.size < this.maxNodes - 1
        ? this.node(`m:${roleId}`, 'more', `and ${skipped} more`, ['more'])
        : undefined;
    if (fold === undefined) this.skippedItems += skipped;
    else this.edge(roleId, fold, '', 'kept');
  }

  render(): string {
    for (const call of this.pending) {
      const to = this.nodes.get(call.toKey)?.id;
      if (to !== undefined) this.edge(call.from, to, call.label, call.style);
    }
    if (this.skippedWorkloads + this.skippedItems > 0) {
      const parts = [
        this.skippedWorkloads > 0
          ? `${this.skippedWorkloads} more workload${this.skippedWorkloads === 1 ? '' : 's'}`
          : '',
        this.skippedItems > 0
          ? `${this.skippedItems} more resource${this.skippedItems === 1 ? '' : 's'}`
          : '',
      ].filter((part) => part !== '');
      const id = `n${this.nodes.size + 1}`;
      this.nodes.set('m:rest', {
        id,
        shape: 'more',
        label: `and ${parts.join(' and ')}`,
        classes: new Set(['more']),
      });
    }
    const lines = ['flowchart LR'];
    for (const node of this.nodes.values()) {
      const [open, close] = SHAPES[node.shape];
      lines.push(`  ${node.id}${open}${escapeMermaidLabel(node.label)}${close}`);
    }
    for (const edge of this.edges) {
      const label = edge.label === '' ? '' : `|"${escapeMermaidLabel(edge.label)}"|`;
      lines.push(`  ${edge.from} ${ARROWS[edge.style]}${label} ${edge.to}`);
    }
    const byClass = new Map<string, string[]>();
    for (const node of this.nodes.values()) {
      for (const name of node.classes) byClass.set(name, [...(byClass.get(name) ?? []), node.id]);
    }
    for (const [name, style] of Object.entries(CLASS_DEFS)) {
      if (byClass.has(name)) lines.push(`  classDef ${name} ${style}`);
    }
    // Later class lines win, so the red border of an unlogged target is applied after the plain target style.
    for (const name of Object.keys(CLASS_DEFS)) {
      const ids = byClass.get(name);
      if (ids) lines.push(`  class ${ids.join(',')} ${name}`);
    }
    for (const style of ['new', 'lost'] as const) {
      const indexes = this.edges.flatMap((edge, index) => (edge.style === style ? [index] : []));
      if (indexes.length > 0) lines.push(`  linkStyle ${indexes.join(',')} ${LINK_STYLES[style]}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

/**
 * Renders the part of the AI access map that the change touches as a Mermaid flowchart: workloads, the roles they
 * run as, and the resources those roles reach. New edges are thick and green (`==>`), lost ones dotted and red
 * (`-.->`); a target no sink records has a red border and says "not logged". At most `maxNodes` nodes; the rest
 * fold into "and N more" nodes. Undefined when no workload changed: the comment then has no diagram. Node ids are
 * generated; every label is escaped.
 */
export function renderAccessMap(reach: ReportReach, maxNodes = MERMAID_MAX_NODES): string | undefined {
  const changed = reach.workloads.filter((workload) => workload.changed);
  if (changed.length === 0) return undefined;
  const graph = new AccessGraph(Math.max(3, maxNodes));
  const drawn = new Set<string>();
  // Two passes: workloads first claim their nodes, so that tool calls between them can be drawn.
  for (const workload of changed) drawn.add(workload.id);
  for (const workload of changed) graph.addWorkload(workload, drawn);
  return graph.render();
}
