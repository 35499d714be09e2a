// What a learner must have done, judged by meaning: a command as kubectl understood it (verb,
// resource type, names, flags by long name) and how it ended (accepted, or refused by kubectl or
// by the API server, for a field and value). Any spelling kubectl reads the same way meets it.
import type { Answer } from '../kubectl/answer.js';
import { flagSpecOf, understand, type Understood } from '../kubectl/understood.js';
import { append } from '../append.js';
import { sameImage } from './image-ref.js';
import { editDistance } from '../edit-distance.js';

/** How a refusal must have looked; every field is optional. */
export interface Refusal {
  readonly by?: 'api' | 'kubectl';
  /** The API's reason: Invalid, AlreadyExists, NotFound... */
  readonly reason?: string;
  /** The field the API named, e.g. spec.ports[0].nodePort. */
  readonly field?: string;
  /** The value it named, e.g. 29999. */
  readonly value?: string;
  /** Words the error must contain (for kubectl's own errors, which name no field). */
  readonly message?: string;
}

/** A deed: the parts of a command that matter, and how it must have ended. Absent parts are free. */
export interface Deed {
  readonly program?: string;
  readonly verb?: string;
  readonly type?: string;
  readonly names?: readonly string[];
  readonly flags?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
  readonly accepted?: boolean;
  readonly refused?: Refusal;
  /** The command line the author wrote, for the checklist's words. */
  readonly line?: string;
}

/** Where a command differs from a deed, in a few words for the learner. */
export interface Difference {
  readonly part: 'program' | 'verb' | 'type' | 'names' | 'flags' | 'args' | 'outcome';
  readonly says: string;
  /** For a value typed otherwise (a flag's, a name): how many edits from the wanted one. */
  readonly off?: number;
}

/** A command line as a deed: what kubectl understands from it; null when it understands nothing. */
export function deedOfLine(line: string, outcome: Pick<Deed, 'accepted' | 'refused'> = {}): Deed | null {
  const read = understand(line);
  if (!read.ok) return null;
  const u = read.understood;
  return {
    program: u.program,
    verb: u.verb,
    ...(u.type !== undefined ? { type: u.type } : {}),
    ...(u.names.length ? { names: u.names } : {}),
    ...(Object.keys(u.flags).length ? { flags: u.flags } : {}),
    ...(u.args.length ? { args: u.args } : {}),
    ...outcome,
    line: line.trim().replace(/\s+/g, ' '),
  };
}

const flagText = (name: string, value: string): string => (value === 'true' ? `--${name}` : `--${name}=${value}`);

/** A flag as the lessons write it: by its short name where it has one (`-o wide`), else `--type=NodePort`. */
function typedFlag(verb: string, name: string, value: string): string {
  const short = flagSpecOf(verb, name)?.short;
  if (short === undefined) return flagText(name, value);
  return value === 'true' ? `-${short}` : `-${short} ${value}`;
}

/** The types kubectl's `all` category lists (`kubectl get all`; api-resources --categories). */
const ALL_CATEGORY = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets',
  'deployments',
  'replicasets',
  'statefulsets',
  'horizontalpodautoscalers',
  'cronjobs',
  'jobs',
];

/**
 * Whether the command was about the deed's type. A read of several types at once (`get svc,ep`,
 * `get all`) with no names shows the deed's type too, so it counts as a read of it.
 */
function typeCovered(deed: Deed, u: Understood): boolean {
  if (u.type === deed.type) return true;
  if ((u.verb !== 'get' && u.verb !== 'describe') || u.names.length > 0 || deed.type === undefined || u.type === undefined) return false;
  const wanted = deed.type;
  return u.type.split(',').some((t) => t === wanted || (t === 'all' && u.verb === 'get' && ALL_CATEGORY.includes(wanted)));
}

/** A file as kubectl opens it: `./pod.yml` and `pod.yml` are the same file. */
const samePath = (path: string): string => path.replace(/^(\.\/)+/, '');

/** Whether a flag's value does what a deed's value asks: the same image, each file of a deed's `-f` among those given. */
function flagMeets(name: string, wanted: string, given: string): boolean {
  if (given === wanted) return true;
  if (name === 'image') return sameImage(given, wanted);
  if (name !== 'filename') return false;
  const files = given.split(',').map(samePath);
  return wanted.split(',').every((file) => files.includes(samePath(file)));
}

function commandDifferences(deed: Deed, u: Understood, accepted: boolean): Difference[] {
  const out: Difference[] = [];
  const program = deed.program ?? (deed.verb !== undefined || deed.type !== undefined ? 'kubectl' : undefined);
  if (program !== undefined && u.program !== program) out.push({ part: 'program', says: `that was ${u.program}, not ${program}` });
  if (deed.verb !== undefined && u.verb !== deed.verb) out.push({ part: 'verb', says: `that was ${u.verb}, not ${deed.verb}` });
  if (deed.type !== undefined && !typeCovered(deed, u)) out.push({ part: 'type', says: `that was about ${u.type ?? 'no resource type'}, not ${deed.type}` });
  const names = deed.names ?? [];
  // A read with no name covers every object of its type (`kubectl describe pods`).
  const coversAll = u.names.length === 0 && accepted;
  const missing = coversAll ? [] : names.filter((n) => !u.names.includes(n));
  if (missing.length) {
    const other = u.names.filter((n) => !names.includes(n));
    out.push({
      part: 'names',
      ...(other.length === 1 && missing.length === 1
        ? { says: `the name is ${other[0]}, not ${missing[0]}`, off: editDistance(other[0]!, missing[0]!) }
        : { says: `${missing.join(' and ')} is missing` }),
    });
  }
  for (const [name, value] of Object.entries(deed.flags ?? {})) {
    // Without -n, kubectl works in the default namespace: `-n default` left out is not missing.
    const given = u.flags[name] ?? (name === 'namespace' && value === 'default' ? value : undefined);
    if (given === undefined) out.push({ part: 'flags', says: `${typedFlag(u.verb, name, value)} is missing` });
    else if (!flagMeets(name, value, given)) out.push({ part: 'flags', says: `--${name} is ${given}, not ${value}`, off: editDistance(given, value) });
  }
  const args = deed.args ?? [];
  if (u.program === 'kubectl') {
    for (const arg of args.filter((a) => !u.args.includes(a))) out.push({ part: 'args', says: `${arg} is missing` });
  } else if (args.some((a, i) => u.args[i] !== a)) {
    out.push({ part: 'args', says: `the words after ${u.verb} are not ${args.join(' ')}` });
  }
  return out;
}

function refusalDifference(want: Refusal, answer: Answer): Difference | null {
  if (answer.accepted) return { part: 'outcome', says: 'that was accepted; the goal is to see it refused' };
  if (want.by !== undefined && answer.by !== want.by) {
    return {
      part: 'outcome',
      says: want.by === 'api' ? 'kubectl refused that before the API saw it' : 'that reached the API; the goal is a refusal by kubectl itself',
    };
  }
  if (want.reason !== undefined && answer.reason !== want.reason)
    return { part: 'outcome', says: `the API said ${answer.reason ?? 'something else'}, not ${want.reason}` };
  if (want.field !== undefined || want.value !== undefined) {
    const hit = answer.causes.some((c) => (want.field === undefined || c.field === want.field) && (want.value === undefined || c.value === want.value));
    if (!hit) {
      const cause = answer.causes[0];
      const was = cause ? `${cause.field}${cause.value !== undefined ? ` ${cause.value}` : ''}` : 'something else';
      const wanted = [want.field, want.value].filter((x) => x !== undefined).join(' ');
      return { part: 'outcome', says: `that was refused for ${was}, not ${wanted}` };
    }
  }
  if (want.message !== undefined && !answer.message.includes(want.message))
    return { part: 'outcome', says: `that was refused for another reason: ${answer.message}` };
  return null;
}

/** How a command that was run differs from a deed; empty when it does the deed. */
export function differences(deed: Deed, line: string, answer: Answer | undefined): Difference[] {
  const hasCommand =
    deed.program !== undefined ||
    deed.verb !== undefined ||
    deed.type !== undefined ||
    deed.names !== undefined ||
    deed.flags !== undefined ||
    deed.args !== undefined;
  const out: Difference[] = [];
  if (hasCommand) {
    const read = understand(line);
    if (!read.ok) return [{ part: 'program', says: `kubectl could not read that: ${read.error}` }];
    append(out, commandDifferences(deed, read.understood, answer?.accepted ?? true));
  }
  if (deed.accepted && answer && !answer.accepted) out.push({ part: 'outcome', says: `that was refused: ${answer.message}` });
  if (deed.accepted && !answer) out.push({ part: 'outcome', says: 'it is not known how that ended' });
  if (deed.refused) {
    const diff = answer ? refusalDifference(deed.refused, answer) : { part: 'outcome' as const, says: 'it is not known how that ended' };
    if (diff) out.push(diff);
  }
  return out;
}

/** The deed in words, for a goal's checklist. */
export function describeDeed(deed: Deed): string {
  const command = deed.line ?? (deed.verb !== undefined ? spellDeed(deed) : undefined);
  const refusal = deed.refused;
  const why = refusal ? [refusal.field, refusal.value].filter((x) => x !== undefined).join(' ') : '';
  const by = refusal?.by === 'kubectl' ? 'kubectl' : 'the API';
  if (command === undefined) return refusal ? `you have seen ${by} refuse ${why || 'a command'}` : 'you have run a command';
  if (refusal) return `you have run ${command} and seen ${by} refuse it${why ? ` (${why})` : ''}`;
  return `you have run ${command}`;
}

function spellDeed(deed: Deed): string {
  const words = [deed.program ?? 'kubectl', deed.verb ?? ''];
  if (deed.type && !(deed.verb ?? '').startsWith('create ')) words.push(deed.type);
  append(words, deed.names ?? []);
  append(words, deed.args ?? []);
  for (const [name, value] of Object.entries(deed.flags ?? {})) words.push(flagText(name, value));
  return words.join(' ');
}
