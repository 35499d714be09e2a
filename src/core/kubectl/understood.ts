// What kubectl understood from a command line, whatever its spelling: the verb, the resource type
// through every alias and the TYPE/NAME form, the names, and each flag by its long name with its
// value as the flag parser read it. And how the command ended: accepted, or refused, by kubectl
// or by the API server (with the field and value the API named). Goals judge learners on this.

import type { FlagSpec } from './flags.js';
import { GLOBAL_FLAGS as GLOBALS, parseArgs } from './flags.js';
import { resolveType } from './resources.js';
import { COMMANDS, commandIndex } from './run-kubectl.js';
import { splitShellWords } from './shell-words.js';
import { append } from '../append.js';

export interface Understood {
  /** `kubectl` (also for `k`), or the other shell command's name (`firewall`, `curl`). */
  readonly program: string;
  /** kubectl's command path in its own words (`get`, `create service nodeport`); another command's first word. */
  readonly verb: string;
  /** The resource type acted on, as its plural (`pods`, `services`; `pods,services` for several). */
  readonly type?: string;
  /** The objects named, in the order given. */
  readonly names: readonly string[];
  /** Each flag given, by its long name, with its value (a list flag's values joined by commas). */
  readonly flags: Readonly<Record<string, string>>;
  /** The other words: label specs, a command after `--`, another program's arguments. */
  readonly args: readonly string[];
}

export type Understanding = { readonly ok: true; readonly understood: Understood } | { readonly ok: false; readonly error: string };

/** The real kubectl's types the simulated cluster serves none of, by every short name (api-resources). */
const OTHER_TYPES: Readonly<Record<string, string>> = {
  deploy: 'deployments',
  deployment: 'deployments',
  deployments: 'deployments',
  rs: 'replicasets',
  replicaset: 'replicasets',
  replicasets: 'replicasets',
  sts: 'statefulsets',
  statefulset: 'statefulsets',
  statefulsets: 'statefulsets',
  ds: 'daemonsets',
  daemonset: 'daemonsets',
  daemonsets: 'daemonsets',
  job: 'jobs',
  jobs: 'jobs',
  cj: 'cronjobs',
  cronjob: 'cronjobs',
  cronjobs: 'cronjobs',
  cm: 'configmaps',
  configmap: 'configmaps',
  configmaps: 'configmaps',
  secret: 'secrets',
  secrets: 'secrets',
  ing: 'ingresses',
  ingress: 'ingresses',
  ingresses: 'ingresses',
  ns: 'namespaces',
  namespace: 'namespaces',
  namespaces: 'namespaces',
  sa: 'serviceaccounts',
  serviceaccount: 'serviceaccounts',
  serviceaccounts: 'serviceaccounts',
  pvc: 'persistentvolumeclaims',
  persistentvolumeclaim: 'persistentvolumeclaims',
  persistentvolumeclaims: 'persistentvolumeclaims',
  rc: 'replicationcontrollers',
  replicationcontroller: 'replicationcontrollers',
  replicationcontrollers: 'replicationcontrollers',
  eps: 'endpointslices',
  endpointslice: 'endpointslices',
  endpointslices: 'endpointslices',
};

/** A resource type in any spelling kubectl accepts (`po`, `Pod`, `pods.v1`), as its plural. */
export function canonicalType(word: string): string | undefined {
  const type = resolveType(word);
  if (type && type !== 'empty') return type.plural;
  return OTHER_TYPES[word.toLowerCase().replace(/\.v1$|\/v1$|\.apps$|\.apps\/v1$/, '')];
}

/** `kubectl create` subcommands that take a kind word after them (`create service nodeport`). */
const CREATE_KINDS: Readonly<Record<string, readonly string[]>> = {
  services: ['clusterip', 'nodeport', 'loadbalancer', 'externalname'],
  secrets: ['generic', 'tls', 'docker-registry'],
};

/** kubectl commands whose first word is a pod's name (or TYPE/NAME), not a type. */
const POD_VERBS = new Set(['logs', 'exec', 'attach', 'port-forward', 'cp']);
/** kubectl commands that take no objects on the command line. */
const NO_TARGETS = new Set(['apply', 'version', 'cluster-info', 'api-resources', 'api-versions', 'config', 'help']);

/** The word `kubectl create` uses for a type: `create service`, `create deployment`. */
const singular = (plural: string): string =>
  plural.endsWith('sses') || (plural.endsWith('ses') && plural !== 'services') ? plural.slice(0, -2) : plural.replace(/s$/, '');

function normaliseValue(spec: FlagSpec, values: readonly string[]): string {
  const last = values[values.length - 1] ?? '';
  switch (spec.kind) {
    case 'int':
      return String(Number.parseInt(last, 10));
    case 'bool':
      return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(last) ? 'true' : 'false';
    case 'strings':
      return values.join(',');
    case 'string':
      return last;
  }
}

/**
 * kubectl commands the sandbox's shell runs itself rather than the simulated kubectl, with their
 * flags (kubectl 1.32, staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go).
 */
const SHELL_COMMANDS: readonly { readonly name: string; readonly flags: readonly FlagSpec[] }[] = [
  {
    name: 'port-forward',
    flags: [
      { name: 'address', kind: 'strings' },
      { name: 'pod-running-timeout', kind: 'string' },
    ],
  },
];

const commandDef = (name: string): { readonly flags: readonly FlagSpec[] } | undefined =>
  COMMANDS.find((c) => c.name === name) ?? SHELL_COMMANDS.find((c) => c.name === name);

/** The spec of a command's flag by its long or short name, or undefined. */
export function flagSpecOf(verb: string, name: string): FlagSpec | undefined {
  const def = commandDef(verb.split(' ')[0] ?? '');
  return [...(def?.flags ?? []), ...GLOBALS].find((s) => s.name === name || s.short === name);
}

/** Whether kubectl (the simulated one) has this command. */
export const isKubectlVerb = (verb: string): boolean => commandDef(verb.split(' ')[0] ?? '') !== undefined;

/** A flag's value as kubectl would hold it (`029999` is 29999, `--dry-run` alone is its default). */
export function normaliseFlag(spec: FlagSpec, value: string): string {
  return normaliseValue(spec, spec.kind === 'strings' ? value.split(',') : [value]);
}

interface Targets {
  readonly verb: string;
  readonly type?: string;
  readonly names: string[];
  readonly args: string[];
}

function typedTargets(verb: string, positional: readonly string[]): Targets {
  if (positional.some((p) => p.includes('/'))) {
    const types: string[] = [];
    const names: string[] = [];
    const args: string[] = [];
    for (const word of positional) {
      const [typeName = '', name = ''] = word.split('/');
      const type = word.includes('/') ? canonicalType(typeName) : undefined;
      if (!type) {
        args.push(word);
        continue;
      }
      if (!types.includes(type)) types.push(type);
      names.push(name);
    }
    return { verb, ...(types.length ? { type: types.join(',') } : {}), names, args };
  }
  const [first, ...rest] = positional;
  if (first === undefined) return { verb, names: [], args: [] };
  const types = first.split(',').map((t) => canonicalType(t) ?? t.toLowerCase());
  const names = rest.filter((w) => !w.includes('=') && !w.endsWith('-'));
  return { verb, type: [...new Set(types)].join(','), names, args: rest.filter((w) => !names.includes(w)) };
}

function targetsOf(verb: string, positional: readonly string[], dashAt: number): Targets {
  const before = dashAt >= 0 ? positional.slice(0, dashAt) : positional;
  const after = dashAt >= 0 ? positional.slice(dashAt) : [];
  if (NO_TARGETS.has(verb)) return { verb, names: [], args: [...positional] };
  if (verb === 'run') {
    const [name, ...rest] = before;
    return { verb, type: 'pods', names: name === undefined ? [] : [name], args: [...rest, ...after] };
  }
  if (POD_VERBS.has(verb)) {
    const [first, ...rest] = before;
    if (first === undefined) return { verb, type: 'pods', names: [], args: after };
    const slash = first.indexOf('/');
    const type = slash >= 0 ? (canonicalType(first.slice(0, slash)) ?? first.slice(0, slash)) : 'pods';
    return { verb, type, names: [slash >= 0 ? first.slice(slash + 1) : first], args: [...rest, ...after] };
  }
  if (verb === 'explain') {
    const [first = '', ...rest] = before;
    const [head = '', ...path] = first.split('.');
    const type = canonicalType(head);
    return { verb, ...(type ? { type } : {}), names: [], args: [...(path.length ? [path.join('.')] : []), ...rest] };
  }
  if (verb === 'create') {
    const [first, ...rest] = before;
    const type = first === undefined ? undefined : canonicalType(first);
    if (first === undefined || type === undefined) return { verb, names: [], args: [...positional] };
    const kinds = CREATE_KINDS[type];
    const path = [verb, singular(type)];
    let words = rest;
    if (kinds && words[0] !== undefined && kinds.includes(words[0])) {
      path.push(words[0]);
      words = words.slice(1);
    }
    const [name, ...others] = words;
    return { verb: path.join(' '), type, names: name === undefined ? [] : [name], args: [...others, ...after] };
  }
  const typed = typedTargets(verb, before);
  return { ...typed, args: [...typed.args, ...after] };
}

/** What kubectl understood from the words after `kubectl`; not ok when kubectl would refuse to parse them. */
export function understandKubectl(words: readonly string[]): Understanding {
  const at = commandIndex(words);
  if (at < 0) return { ok: false, error: 'no command' };
  const verb = words[at] ?? '';
  const def = commandDef(verb);
  if (!def) return { ok: false, error: `unknown command "${verb}"` };
  const rest = [...words.slice(0, at), ...words.slice(at + 1)];
  const parsed = parseArgs(rest, def.flags);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const specs = [...def.flags, ...GLOBALS];
  const flags: Record<string, string> = {};
  for (const [name, values] of parsed.parsed.flags) {
    const spec = specs.find((s) => s.name === name);
    if (spec) flags[name] = normaliseValue(spec, values);
  }
  const targets = targetsOf(verb, parsed.parsed.positional, parsed.parsed.dashAt);
  return { ok: true, understood: { program: 'kubectl', ...targets, flags } };
}

// Goals are checked on every frame, over every line of a step: each line is read once.
const remembered = new Map<string, Understanding>();
const REMEMBER = 1000;

/** What a sandbox command line means: kubectl's parse for `kubectl` and `k`, the words for the rest. */
export function understand(line: string): Understanding {
  const known = remembered.get(line);
  if (known) return known;
  const read = understandLine(line);
  if (remembered.size >= REMEMBER) remembered.delete(remembered.keys().next().value as string);
  remembered.set(line, read);
  return read;
}

function understandLine(line: string): Understanding {
  const split = splitShellWords(line.trim());
  if (!split.ok) return { ok: false, error: split.error };
  const [program = '', ...args] = split.words;
  if (program === 'kubectl' || program === 'k') return understandKubectl(args);
  // The sandbox's `nodes` is `kubectl get nodes -o wide`.
  if (program === 'nodes' && args.length === 0) return understandKubectl(['get', 'nodes', '-o', 'wide']);
  if (program === '') return { ok: false, error: 'no command' };
  const [verb = '', ...rest] = args;
  return { ok: true, understood: { program, verb, names: [], flags: {}, args: rest } };
}

/** The command written back in one spelling: `kubectl describe pods my-first-pod --output=wide`. */
export function spell(u: Understood): string {
  if (u.program !== 'kubectl') return [u.program, u.verb, ...u.args].filter((w) => w !== '').join(' ');
  const words = ['kubectl', u.verb];
  if (u.type && !u.verb.startsWith('create ') && u.verb !== 'run' && !POD_VERBS.has(u.verb)) words.push(u.type);
  append(words, u.names);
  append(words, u.args);
  for (const [name, value] of Object.entries(u.flags)) words.push(`--${name}=${value}`);
  return words.join(' ');
}
