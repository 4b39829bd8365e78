import { describe, expect, it } from 'vitest';
import { remember, rememberUpTo } from '../../src/analysis/remember.js';

describe('remember', () => {
  it('computes once per key, keeps false and null answers, and works with a WeakMap', () => {
    let calls = 0;
    const cache = new Map<string, boolean | null>();
    const answer = (key: string, value: boolean | null) =>
      remember(cache, key, () => {
        calls += 1;
        return value;
      });
    expect(answer('a', false)).toBe(false);
    expect(answer('a', true)).toBe(false);
    expect(answer('b', null)).toBe(null);
    expect(answer('b', true)).toBe(null);
    expect(calls).toBe(2);
    const weak = new WeakMap<object, number>();
    const key = {};
    expect(remember(weak, key, () => 1)).toBe(1);
    expect(remember(weak, key, () => 2)).toBe(1);
  });

  it('keeps answers only up to its limit, and computes the rest each time they are asked', () => {
    let calls = 0;
    const cache = new Map<string, string>();
    const answer = (key: string) =>
      rememberUpTo(cache, 2, key, () => {
        calls += 1;
        return key.toUpperCase();
      });
    expect(['a', 'b', 'c', 'a', 'b', 'c'].map(answer)).toEqual(['A', 'B', 'C', 'A', 'B', 'C']);
    expect([...cache.keys()]).toEqual(['a', 'b']);
    expect(calls).toBe(4);
  });
});
