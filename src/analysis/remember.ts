/** What `remember` needs of a cache: a Map or a WeakMap. */
interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value a cache holds for a key, computed and kept on first use. The analyses ask the same question of many
 * roles, grants and resources; this is the one way they remember the answers.
 */
export function remember<K, V>(cache: Cache<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/**
 * `remember` for a cache that outlives one analysis (a module's own, keyed by text from the input): answers are
 * kept only while it holds fewer than `limit`, so that many distinct keys cannot grow it without bound.
 */
export function rememberUpTo<K, V>(cache: Map<K, V>, limit: number, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size < limit) cache.set(key, value);
  }
  return value;
}
