// What `kubectl label` reads from its arguments before it asks the server anything
// (staging/src/k8s.io/kubectl/pkg/cmd/label/label.go parseLabels, cmd/util/helpers.go
// GetResourcesAndPairs): the resources, then the changes, and the client's own refusals.

import { isValidLabelValue } from '../cluster/names.js';

export interface LabelChanges {
  /** key -> value, in the order given (a later value for a key wins). */
  readonly set: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
}

export type LabelArgs = { ok: true; resources: string[]; changes: LabelChanges } | { ok: false; error: string };

/** A change is `key=value` (not starting with `=`) or `key-` (not a lone `-`); resources come first. */
function isChange(arg: string): boolean {
  return (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
}

export function parseLabelArgs(args: readonly string[]): LabelArgs {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    if (isChange(arg)) pairs.push(arg);
    else if (pairs.length > 0) return { ok: false, error: `all resources must be specified before label changes: ${arg}` };
    else resources.push(arg);
  }
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts = pair.split('=');
      if (parts.length !== 2) return { ok: false, error: `invalid label spec: ${pair}` };
      const [key = '', value = ''] = parts;
      const problems = isValidLabelValue(value);
      if (problems.length > 0) return { ok: false, error: `invalid label value: ${JSON.stringify(pair)}: ${problems.join(';')}` };
      set.set(key, value);
    } else remove.push(pair.slice(0, -1));
  }
  if (remove.some((key) => set.has(key))) return { ok: false, error: 'can not both modify and remove a label in the same command' };
  return { ok: true, resources, changes: { set, remove } };
}

/** The object's labels after the changes, or kubectl's refusal to overwrite as it prints it (label.go labelFunc). */
export function applyLabelChanges(
  labels: Readonly<Record<string, string>>,
  changes: LabelChanges,
  overwrite: boolean,
): { ok: true; labels: Record<string, string> } | { ok: false; error: string } {
  if (!overwrite) {
    const clashes: string[] = [];
    for (const [key, value] of changes.set) {
      const current = Object.hasOwn(labels, key) ? labels[key] : undefined;
      if (current !== undefined && current !== value) clashes.push(`'${key}' already has a value (${current}), and --overwrite is false`);
    }
    // An aggregate of several errors prints one per line, without kubectl's `error: ` (cmd/util CheckErr).
    if (clashes.length === 1) return { ok: false, error: `error: ${clashes[0] as string}` };
    if (clashes.length > 1) return { ok: false, error: clashes.sort().join('\n') };
  }
  const next: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) Object.defineProperty(next, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [k, v] of changes.set) Object.defineProperty(next, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const key of changes.remove) delete next[key];
  return { ok: true, labels: next };
}

/** The length of the labels' part of the object's JSON, which is all that changes. */
function jsonLength(labels: Readonly<Record<string, string>>): number {
  const keys = Object.keys(labels);
  if (keys.length === 0) return 0;
  return JSON.stringify(Object.fromEntries(keys.sort().map((k) => [k, labels[k]]))).length;
}

/**
 * label.go updateDataChangeMsg: "not labeled" when nothing changed; else "labeled", unless the
 * object's JSON got shorter without --overwrite ("unlabeled"). A removal with --overwrite is "labeled".
 */
export function labelMessage(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  overwrite: boolean,
): 'labeled' | 'unlabeled' | 'not labeled' {
  const same = Object.keys(before).length === Object.keys(after).length && Object.entries(before).every(([k, v]) => Object.hasOwn(after, k) && after[k] === v);
  if (same) return 'not labeled';
  return !overwrite && jsonLength(after) < jsonLength(before) ? 'unlabeled' : 'labeled';
}
