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
