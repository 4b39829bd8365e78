/** Writes `files` `.tf` files into `dir` and returns the number of workloads they hold. */
export function writeHclTree(
  dir: string,
  options: { readonly files: number; readonly seed?: number },
): { readonly files: number; readonly workloads: number };
