/** A seeded generator of numbers in [0, 1), with helpers for picking. */
export interface Random {
  next(): number;
  below(n: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  id(length: number): string;
}

/** Returns a generator seeded with a 32-bit number. */
export function createRandom(seed: number): Random;
