// A small seeded pseudo-random generator, so that every generated input is the same from run to run.

/**
 * Returns a generator of numbers in [0, 1) from a 32-bit seed (mulberry32), with helpers for picking.
 * @param {number} seed
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [0, n). */
    below: (n) => Math.floor(next() * n),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** One element of a non-empty list. */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** An upper-case id of the given length, like the ids Bedrock assigns. */
    id: (length) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
      let text = '';
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(next() * alphabet.length)];
      return text;
    },
  };
}
