// kubectl delete --cascade: background (the default, and the bare flag), foreground or orphan;
// a boolean still works, with a deprecation warning (true: background, false: orphan).
// staging/src/k8s.io/kubectl/pkg/cmd/delete/delete_flags.go parseCascadingFlag.

import type { Propagation } from '../cluster/index.js';

export type Cascade = Propagation;

export const CASCADE_FLAG = { name: 'cascade', kind: 'string', noOptDefVal: 'background' } as const;

/** strconv.ParseBool's spellings. */
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export function cascadeOf(value: string | undefined): { ok: true; propagation: Cascade; warning: string } | { ok: false; error: string } {
  const text = value ?? 'background';
  const deprecated = (replacement: string): string =>
    `warning: --cascade=${text} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.`;
  if (TRUE.has(text)) return { ok: true, propagation: 'Background', warning: deprecated('background') };
  if (FALSE.has(text)) return { ok: true, propagation: 'Orphan', warning: deprecated('orphan') };
  switch (text) {
    case 'orphan':
      return { ok: true, propagation: 'Orphan', warning: '' };
    case 'foreground':
      return { ok: true, propagation: 'Foreground', warning: '' };
    case 'background':
      return { ok: true, propagation: 'Background', warning: '' };
    default:
      return { ok: false, error: `invalid cascade value (${text}). Must be "background", "foreground", or "orphan"` };
  }
}
