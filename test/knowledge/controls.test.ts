import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/analysis/finding.js';
import {
  CONTROLS,
  RULE_CONTROLS,
  controlTag,
  controlsOf,
  type ControlFrameworkKey,
} from '../../src/knowledge/controls.js';
import { renderSarif } from '../../src/report/index.js';
import { finding, report } from '../support/report-builders.js';

// The id shapes each catalogue defines; an id outside them was not taken from the source.
const ID_SHAPES: Readonly<Record<ControlFrameworkKey, RegExp>> = {
  nhi: /^NHI(?:[1-9]|10)$/,
  agentic: /^ASI(?:0[1-9]|10)$/,
  agenticThreats: /^T(?:[1-9]|1[0-5])$/,
  csf: /^(?:GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/,
  zeroTrust: /^tenet-[1-7]$/,
  maestro: /^L[1-7]$/,
};

describe('the control mapping', () => {
  it('has an entry for every rule, and only input-error concerns no control', () => {
    expect(Object.keys(RULE_CONTROLS).sort()).toEqual([...RULE_IDS].sort());
    for (const ruleId of RULE_IDS) {
      expect(controlsOf(ruleId).length === 0, ruleId).toBe(ruleId === 'input-error');
    }
  });

  it('uses only ids of the shape each catalogue defines, each with an https source', () => {
    for (const control of Object.values(CONTROLS)) {
      expect(control.id, control.title).toMatch(ID_SHAPES[control.framework]);
      expect(control.source).toMatch(/^https:\/\//);
    }
  });

  it('maps logging rules to log generation and least-privilege rules to access control', () => {
    expect(controlsOf('unlogged-ai-resource').map(controlTag)).toContain('NIST-CSF-2.0/PR.PS-04');
    expect(controlsOf('admin-access').map(controlTag)).toEqual(
      expect.arrayContaining(['OWASP-NHI-2025/NHI5', 'NIST-CSF-2.0/PR.AA-05']),
    );
    expect(controlsOf('static-credentials').map(controlTag)).toContain('OWASP-NHI-2025/NHI7');
    expect(controlsOf('no-such-rule')).toEqual([]);
  });

  it('lists each control once per rule', () => {
    for (const [ruleId, controls] of Object.entries(RULE_CONTROLS)) {
      expect(new Set(controls.map(controlTag)).size, ruleId).toBe(controls.length);
    }
  });

  it('puts the control tags into the SARIF rule properties', () => {
    const sarif = JSON.parse(renderSarif(report({ findings: [finding({ ruleId: 'blind-spot' })] }))) as {
      runs: { tool: { driver: { rules: { id: string; properties: { tags: string[] } }[] } } }[];
    };
    const rule = sarif.runs[0]!.tool.driver.rules.find((entry) => entry.id === 'blind-spot')!;
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['security', 'NIST-CSF-2.0/DE.CM-09']));
  });
});
