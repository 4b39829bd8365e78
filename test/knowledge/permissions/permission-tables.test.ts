import { describe, expect, it } from 'vitest';
import { expandActionPattern } from '../../../src/analysis/permissions/expand.js';
import { hasWildcard } from '../../../src/analysis/permissions/wildcard.js';
import { dataEventType } from '../../../src/knowledge/data-event-types.js';
import { MANAGED_POLICIES } from '../../../src/knowledge/managed-policies.js';
import {
  ADMIN_MANAGED_POLICIES,
  AI_RUNTIME_ACTION_PATTERNS,
  DATA_EVENT_ACTIONS,
  RISKY_ACTIONS,
} from '../../../src/knowledge/risky-actions.js';
import { AI_SERVICE_PREFIXES } from '../../../src/knowledge/service-principals.js';

function managedPolicyPatterns(): string[] {
  const patterns: string[] = [];
  for (const entry of MANAGED_POLICIES) {
    for (const statement of entry.document?.statements ?? []) {
      for (const value of [...(statement.action ?? []), ...(statement.notAction ?? [])]) {
        if (typeof value === 'string' && value !== '*') patterns.push(value);
      }
    }
  }
  return patterns;
}

const TABLE_PATTERNS: readonly [string, readonly string[]][] = [
  ['AI runtime actions', AI_RUNTIME_ACTION_PATTERNS],
  ['risky actions', Object.values(RISKY_ACTIONS).flatMap((entries) => entries.map((entry) => entry.pattern))],
  ['data-event actions', DATA_EVENT_ACTIONS.flatMap((row) => row.patterns)],
  ['managed policies', managedPolicyPatterns()],
];

describe('permission knowledge tables', () => {
  it.each(TABLE_PATTERNS)(
    'every pattern of the %s table names actions IAM data knows',
    async (_name, patterns) => {
      const unknown: string[] = [];
      for (const pattern of patterns) {
        const expansion = await expandActionPattern(pattern);
        if (expansion.kind !== 'actions' || expansion.actions.length === 0) unknown.push(pattern);
      }
      expect(unknown).toEqual([]);
    },
  );

  it('spells literal actions as IAM data does, so matching never depends on case', async () => {
    const literals = TABLE_PATTERNS.flatMap(([, patterns]) => patterns).filter(
      (pattern) => !hasWildcard(pattern),
    );
    const misspelt: string[] = [];
    for (const literal of literals) {
      const expansion = await expandActionPattern(literal);
      if (expansion.kind === 'actions' && expansion.actions[0]?.name !== literal) misspelt.push(literal);
    }
    expect(misspelt).toEqual([]);
  });

  it('maps actions only to data-event types the coverage tables know', () => {
    const unknownTypes = DATA_EVENT_ACTIONS.map((row) => row.dataResourceType).filter(
      (type) => dataEventType(type) === undefined,
    );
    expect(unknownTypes).toEqual([]);
  });

  it('has the statements of the administrator policies, not just their names', () => {
    for (const name of ADMIN_MANAGED_POLICIES) {
      const entry = MANAGED_POLICIES.find((candidate) => candidate.name === name);
      expect(entry?.document?.statements.length, name).toBeGreaterThan(0);
    }
  });

  it('names every managed policy once', () => {
    const names = MANAGED_POLICIES.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists AI service prefixes that IAM data knows as services', async () => {
    const unknown: string[] = [];
    for (const prefix of AI_SERVICE_PREFIXES) {
      const expansion = await expandActionPattern(`${prefix}:*`);
      if (expansion.kind !== 'actions') unknown.push(prefix);
    }
    expect(unknown).toEqual([]);
  });
});
