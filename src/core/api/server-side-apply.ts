// `kubectl apply --server-side`: a PATCH with Content-Type application/apply-patch+yaml whose body
// is the whole object (kubectl sends it as JSON, which is YAML too). The lab applies it as the
// sandbox's `apply --server-side` does: the object is created when it is missing (201) and merged
// into the live one when it is there (200), through the same apply the sandbox uses.
import { yaml } from '../yaml.js';

export const isServerSideApply = (contentType: string): boolean => contentType.split(';')[0]?.trim().toLowerCase() === 'application/apply-patch+yaml';

/** The object in an apply patch's body, or why it cannot be read. */
export function applyPatchObject(body: string): { ok: true; manifest: Readonly<Record<string, unknown>> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    try {
      value = yaml().parse(body, { maxAliasCount: 100 });
    } catch (e) {
      return { ok: false, message: `error decoding YAML: ${(e as Error).message.split('\n')[0] ?? ''}` };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'the apply patch is not an object' };
  return { ok: true, manifest: value as Readonly<Record<string, unknown>> };
}
