/**
 * IAM wildcard patterns: `*` matches any run of characters (including none) and `?` exactly one, in actions and in
 * ARNs alike. Actions compare case-insensitively; ARNs compare as written.
 */

/** Tells whether a string holds an IAM wildcard. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** A pattern in one of the two shapes nearly every ARN in a policy has: a literal, or a prefix and one final `*`. */
interface SimplePattern {
  readonly text: string;
  readonly open: boolean;
}

/** The simple shape of a pattern, or undefined when it has a `?` or a `*` before its end. */
function simpleShape(pattern: string): SimplePattern | undefined {
  if (pattern.includes('?')) return undefined;
  const star = pattern.indexOf('*');
  if (star < 0) return { text: pattern, open: false };
  return star === pattern.length - 1 ? { text: pattern.slice(0, star), open: true } : undefined;
}

/**
 * Answers coverage and overlap of two simple patterns without the general walk; undefined when either is not
 * simple. Blind-spot and reach checks compare every grant with every resource, so this is the hot path.
 */
function compareSimply(left: string, right: string, question: 'covers' | 'overlaps'): boolean | undefined {
  const outer = simpleShape(left);
  const inner = outer === undefined ? undefined : simpleShape(right);
  if (outer === undefined || inner === undefined) return undefined;
  if (question === 'covers') {
    if (!outer.open) return !inner.open && outer.text === inner.text;
    return inner.text.startsWith(outer.text);
  }
  if (!outer.open && !inner.open) return outer.text === inner.text;
  if (!outer.open) return outer.text.startsWith(inner.text);
  if (!inner.open) return inner.text.startsWith(outer.text);
  return outer.text.startsWith(inner.text) || inner.text.startsWith(outer.text);
}

/**
 * Whether a pattern matches a string with no wildcards of its own, by the greedy walk that goes back only to the
 * last `*`: no table, where the general walks below need one for two patterns.
 */
function matchesLiteral(pattern: string, text: string): boolean {
  let at = 0;
  let position = 0;
  let star = -1;
  let resume = 0;
  while (position < text.length) {
    const char = pattern[at];
    if (char === '*') {
      star = at;
      at += 1;
      resume = position;
    } else if (char !== undefined && (char === '?' || char === text[position])) {
      at += 1;
      position += 1;
    } else if (star >= 0) {
      at = star + 1;
      resume += 1;
      position = resume;
    } else {
      return false;
    }
  }
  while (pattern[at] === '*') at += 1;
  return at === pattern.length;
}

/** True when every string the inner pattern matches is matched by the outer one (a literal inner is one string). */
export function coversPattern(outer: string, inner: string): boolean {
  if (outer === '*' || outer === inner) return true;
  const quick = compareSimply(outer, inner, 'covers');
  if (quick !== undefined) return quick;
  if (!hasWildcard(inner)) return matchesLiteral(outer, inner);
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
  const quick = compareSimply(left, right, 'overlaps');
  if (quick !== undefined) return quick;
  if (!hasWildcard(right)) return matchesLiteral(left, right);
  if (!hasWildcard(left)) return matchesLiteral(right, left);
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
