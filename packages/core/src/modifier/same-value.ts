/**
 * Value equality of label values, for the Modifiers that compare them.
 * @module
 */

/** Whether `value` is an array or a typed array. */
function isList(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Whether two label values are equal by value, as Python's `==` compares
 * them: a boolean equals the number 0 or 1, arrays (typed or not) and
 * objects are compared element by element, and NaN equals nothing.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'boolean') a = Number(a);
  if (typeof b === 'boolean') b = Number(b);
  if (a === b) return true;
  if (isList(a) && isList(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || isList(a) || isList(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
