import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { finding, report } from '../support/report-builders.js';
import { failCoverageAndRoles, passNoChanges } from '../support/sample-reports.js';

const ESC = '\u001b';

describe('renderText', () => {
  it('uses no colour unless asked', () => {
    expect(renderText(failCoverageAndRoles())).not.toContain(ESC);
    expect(renderText(failCoverageAndRoles(), { color: true })).toContain(`${ESC}[31mFAIL`);
  });

  it('lets no control sequence from the report reach the terminal', () => {
    const hostile = report({
      findings: [
        finding({ title: `${ESC}]0;pwned${ESC}\\${ESC}[2J`, message: 'line\n[CRITICAL] forged\rover' }),
      ],
    });
    for (const color of [false, true]) {
      const text = renderText(hostile, { color });
      const escapes = text.match(new RegExp(`${ESC}\\[[0-9;]*m`, 'g')) ?? [];
      expect(text.split(ESC).length - 1).toBe(escapes.length);
      expect(text).not.toContain('\r');
      expect(text).not.toMatch(/^\[CRITICAL\] forged/m);
    }
  });

  it('is a single line when nothing AI-relevant changed', () => {
    expect(renderText(passNoChanges())).toBe(
      'ai-access-diff 0.1.0\nNo AI-relevant changes: no AI resource, trail or AI role is affected.\n',
    );
  });

  it('has no HTML', () => {
    expect(renderText(failCoverageAndRoles())).not.toMatch(/<\/?[a-z]+>/);
  });
});
