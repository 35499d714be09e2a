// A value read from a manifest, a request body or a lesson, set into a message: a string as it is
// written, a number or a boolean as JSON writes it, nothing for null, and an object or a list as
// JSON, never JavaScript's "[object Object]".
export function jsonText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return ''; // A value JSON cannot write (a cycle) says nothing rather than break the message.
  }
}
