// Records keyed by what a learner or a file wrote (labels, annotations, manifest fields, lesson
// ids): `__proto__` must be a key like any other, and `constructor` or `toString` must not be
// found on a record that never had them.

/** Sets an own, enumerable property, whatever the key (an assignment to `__proto__` would set the prototype). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The record's own value for `key`; never one it inherits. */
export function getOwn<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
