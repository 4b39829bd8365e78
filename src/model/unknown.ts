/**
 * A value that cannot be known from the input: known only after apply, an unresolvable intrinsic, a variable
 * without a default. It is never guessed; every decision that meets one becomes three-valued.
 */
export interface Unknown {
  /** Always true: together with a string `reason`, it tells an Unknown apart from parsed input. */
  readonly unknown: true;
  /** Why the value is unknown, in words a reviewer understands (for example "known after apply"). */
  readonly reason: string;
}

/** A value that may be unknown. */
export type Maybe<T> = T | Unknown;

/** Builds an Unknown with the reason a reviewer will read. */
export function unknownValue(reason: string): Unknown {
  return { unknown: true, reason };
}

/** Tells an Unknown apart from any other value, including plain objects from parsed input. */
export function isUnknown(value: unknown): value is Unknown {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { unknown?: unknown }).unknown === true &&
    typeof (value as { reason?: unknown }).reason === 'string'
  );
}

/** Three-valued truth: `true`, `false`, or `'unknown'` when the answer rests on an unknown value. */
export type Tristate = boolean | 'unknown';

/** Kleene OR: true wins over unknown, unknown wins over false. */
export function anyOf(values: Iterable<Tristate>): Tristate {
  let sawUnknown = false;
  for (const value of values) {
    if (value === true) return true;
    if (value === 'unknown') sawUnknown = true;
  }
  return sawUnknown ? 'unknown' : false;
}

/** Kleene AND: false wins over unknown, unknown wins over true. */
export function allOf(values: Iterable<Tristate>): Tristate {
  let sawUnknown = false;
  for (const value of values) {
    if (value === false) return false;
    if (value === 'unknown') sawUnknown = true;
  }
  return sawUnknown ? 'unknown' : true;
}

/** Kleene NOT. */
export function not(value: Tristate): Tristate {
  return value === 'unknown' ? 'unknown' : !value;
}
