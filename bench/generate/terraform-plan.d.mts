/** What a generated plan holds. */
export interface GeneratedPlanStats {
  readonly bytes: number;
  readonly moduleInstances: number;
  readonly resourceChanges: number;
  readonly roles: number;
  readonly aiResources: number;
  readonly policies: number;
}

/** Writes a plan of about `targetBytes` bytes to `path` and says what it holds. */
export function writeTerraformPlan(
  path: string,
  options: { readonly targetBytes: number; readonly seed?: number },
): GeneratedPlanStats;

/** Writes a plan of exactly `count` module instances and returns the number of bytes written. */
export function writePlanOfUnits(path: string, count: number, seed?: number): number;
