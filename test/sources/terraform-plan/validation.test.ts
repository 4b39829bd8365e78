import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/sources/input-error.js';
import { loadPlan } from '../../support/terraform-plan-builder.js';

async function message(document: Record<string, unknown>): Promise<string> {
  const error = await loadPlan(document).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).message;
}

describe('plan validation', () => {
  it('names the supported format versions', async () => {
    expect(await message({ format_version: '2.0', resource_changes: [] })).toBe(
      'has plan format_version "2.0"; versions 0.x and 1.x are supported',
    );
  });

  it('tells a state file, a template and an empty object apart from a plan', async () => {
    expect(await message({ format_version: '1.0', values: { root_module: {} } })).toMatch(
      /is a Terraform state/,
    );
    expect(await message({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} })).toMatch(
      /CloudFormation template/,
    );
    expect(await message({})).toMatch(/neither "resource_changes" nor "planned_values"/);
  });

  it('refuses resource_changes that is not a list', async () => {
    expect(await message({ format_version: '1.2', resource_changes: {} })).toMatch(/not a list/);
  });

  it('accepts plan format versions 0.1 to 1.2', async () => {
    for (const version of ['0.1', '0.2', '1.0', '1.2']) {
      const input = await loadPlan({ format_version: version, resource_changes: [] });
      expect(input.notes).toEqual([]);
    }
  });

  it('skips malformed resource changes with a note instead of failing', async () => {
    const input = await loadPlan({
      format_version: '1.2',
      resource_changes: [{ address: 'x' }, 'text', null],
    });
    expect(input.notes[0]?.message).toMatch(/3 resource change\(s\)/);
  });
});
