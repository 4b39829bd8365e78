/**
 * IAM wildcard patterns: `*` matches any run of characters (including none) and `?` exactly one, in actions and in
 * ARNs alike. Actions compare case-insensitively; ARNs compare as written.
 */

/** Tells whether a string holds an IAM wildcard. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * Whether a pattern matches a literal, answered without the general walk when the pattern is a literal or a
 * prefix ending in its only `*` (nearly every ARN in a policy); undefined when the general walk is needed.
 * Blind-spot and reach checks compare every grant with every resource, so this is the hot path.
 */
function matchLiteralQuickly(pattern: string, literal: string): boolean | undefined {
  if (hasWildcard(literal)) return undefined;
  const star = pattern.indexOf('*');
  if (pattern.includes('?')) return undefined;
  if (star < 0) return pattern === literal;
  if (star === pattern.length - 1) return literal.startsWith(pattern.slice(0, star));
  return undefined;
}

/** True when every string the inner pattern matches is matched by the outer one (a literal inner is one string). */
export function coversPattern(outer: string, inner: string): boolean {
  if (outer === '*' || outer === inner) return true;
  const quick = matchLiteralQuickly(outer, inner);
  if (quick !== undefined) return quick;
  const memo = new Map<number, boolean>();
  const width = inner.length + 1;
  // Walks both patterns: an inner `*` must meet an outer `*`, an inner `?` an outer `?` or `*`.
  const covers = (i: number, j: number): boolean => {
    const key = i * width + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === outer.length) {
      result = j === inner.length;
    } else if (outer[i] === '*') {
      result = covers(i + 1, j) || (j < inner.length && covers(i, j + 1));
    } else if (j === inner.length || inner[j] === '*') {
      result = false;
    } else if (outer[i] === '?' || outer[i] === inner[j]) {
      result = (outer[i] === '?' || inner[j] !== '?') && covers(i + 1, j + 1);
    } else {
      result = false;
    }
    memo.set(key, result);
    return result;
  };
  return covers(0, 0);
}

/** True when some string matches both patterns: a grant on one may reach what the other names. */
export function overlapsPattern(left: string, right: string): boolean {
  if (left === '*' || right === '*' || left === right) return true;
  const quick = matchLiteralQuickly(left, right) ?? matchLiteralQuickly(right, left);
  if (quick !== undefined) return quick;
  const memo = new Map<number, boolean>();
  const width = right.length + 1;
  const overlaps = (i: number, j: number): boolean => {
    const key = i * width + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === left.length && j === right.length) {
      result = true;
    } else if (i < left.length && left[i] === '*') {
      result = overlaps(i + 1, j) || (j < right.length && overlaps(i, j + 1));
    } else if (j < right.length && right[j] === '*') {
      result = overlaps(i, j + 1) || (i < left.length && overlaps(i + 1, j));
    } else if (i < left.length && j < right.length) {
      result = (left[i] === '?' || right[j] === '?' || left[i] === right[j]) && overlaps(i + 1, j + 1);
    } else {
      result = false;
    }
    memo.set(key, result);
    return result;
  };
  return overlaps(0, 0);
}

/** Action patterns compare without regard to case, as IAM does. */
export function coversAction(outer: string, inner: string): boolean {
  return coversPattern(outer.toLowerCase(), inner.toLowerCase());
}
