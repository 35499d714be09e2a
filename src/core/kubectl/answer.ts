// How a command ended, as data: accepted, or refused by kubectl itself or by the API server, with
// the reason and, for an invalid object, each field and value the API named. Read back from the
// error text this kubectl writes (errors.ts), which is the one place every refusal passes through.

import type { FieldErrorType } from '../cluster/index.js';

export interface FieldCause {
  readonly field: string;
  readonly type: FieldErrorType;
  /** The bad value as printed, unquoted: `29999`, `NodePrt`. */
  readonly value?: string;
}

export type Answer =
  | { readonly accepted: true }
  | {
      readonly accepted: false;
      /** `api`: the API server refused the request; `kubectl`: kubectl (or the shell) did, before sending anything. */
      readonly by: 'api' | 'kubectl';
      /** The API's reason (`Invalid`, `AlreadyExists`, `NotFound`), for `by: api`. */
      readonly reason?: string;
      readonly causes: readonly FieldCause[];
      /** The first line of the error, without its `error: ` or `Error from server (...): ` prefix. */
      readonly message: string;
    };

const FIELD_TYPES: readonly FieldErrorType[] = ['Required value', 'Invalid value', 'Duplicate value', 'Forbidden', 'Unsupported value', 'Internal error'];

/** `spec.ports[0].nodePort: Invalid value: 29999: provided port is ...` as a cause. */
export function parseCause(text: string): FieldCause | null {
  for (const type of FIELD_TYPES) {
    const at = text.indexOf(`: ${type}`);
    if (at <= 0) continue;
    const field = text.slice(0, at);
    if (/\s/.test(field)) continue;
    const rest = text.slice(at + type.length + 2);
    if (!rest.startsWith(': ') || type === 'Required value' || type === 'Forbidden' || type === 'Internal error') return { field, type };
    const body = rest.slice(2);
    const quoted = /^"(?:[^"\\]|\\.)*"/.exec(body);
    if (quoted) return { field, type, value: JSON.parse(quoted[0]) as string };
    const bare = /^[^:\s]+/.exec(body);
    return bare ? { field, type, value: bare[0] } : { field, type };
  }
  return null;
}

/**
 * A client that wraps the API's Status in its own words: `kubectl create service` prints
 * `error: failed to create NodePort service: <Status message>` (create_service.go), where the
 * message is errors.NewInvalid's `Service "x" is invalid: <cause>` (several causes in brackets).
 */
function wrappedStatus(line: string): Answer | null {
  const wrapped = /^error: failed to create \w+ service: (.*)$/.exec(line);
  if (!wrapped) return null;
  const message = wrapped[1] ?? '';
  const invalid = /^[A-Za-z.]+ "[^"]*" is invalid(?:: (.*))?$/.exec(message);
  if (invalid) {
    const body = invalid[1]?.trim() ?? '';
    const listed =
      body.startsWith('[') && body.endsWith(']') ? body.slice(1, -1).split(new RegExp(`, (?=\\S+: (?:${FIELD_TYPES.join('|')}))`)) : body ? [body] : [];
    return { accepted: false, by: 'api', reason: 'Invalid', causes: listed.map(parseCause).filter((c): c is FieldCause => c !== null), message };
  }
  const reason = / already exists$/.test(message) ? 'AlreadyExists' : / not found$/.test(message) ? 'NotFound' : '';
  return { accepted: false, by: 'api', reason, causes: [], message };
}

/** How a command with this exit status and error output ended. */
export function answerOf(exitCode: number | null, stderr: string): Answer {
  if (exitCode === 0 || exitCode === null) return { accepted: true };
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  for (const [i, line] of lines.entries()) {
    const wrapped = wrappedStatus(line);
    if (wrapped) return wrapped;
    const server = /^Error from server \(([A-Za-z]+)\): (.*)$/.exec(line);
    if (server) return { accepted: false, by: 'api', reason: server[1] ?? '', causes: [], message: server[2] ?? '' };
    const invalid = /^The [A-Za-z]* "[^"]*" is invalid(?:: (.*))?$/.exec(line);
    if (invalid) {
      const own = invalid[1]?.trim();
      const listed = own
        ? [own]
        : lines
            .slice(i + 1)
            .filter((l) => l.startsWith('* '))
            .map((l) => l.slice(2));
      const causes = listed.map(parseCause).filter((c): c is FieldCause => c !== null);
      return { accepted: false, by: 'api', reason: 'Invalid', causes, message: line };
    }
  }
  const first = lines[0] ?? '';
  return { accepted: false, by: 'kubectl', causes: [], message: first.replace(/^error: /, '') };
}
