// What is ours on a real cluster, and the guard in front of the real kubectl: the course's
// namespaces (nodeport-lab-<lesson>, labelled as ours), and a check of every command line before
// it runs, refusing whatever could reach a namespace or object that is not ours.
import { yaml } from '../yaml.js';
import { getOwn } from '../own.js';
import { jsonText } from '../json-text.js';

export const OWNER_LABEL = 'app.kubernetes.io/managed-by';
export const OWNER_VALUE = 'nodeport-lab';
export const SANDBOX_NAMESPACE = 'nodeport-lab-sandbox';

/** The namespace a lesson's objects live in: nodeport-lab-<lesson id>, as a DNS label. */
export function namespaceFor(lessonId: string): string {
  const id =
    lessonId
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'lesson';
  return `nodeport-lab-${id}`.slice(0, 63).replace(/-+$/, '');
}

/** A namespace is ours when it carries our label, whatever its name. */
export function isOurs(labels: Readonly<Record<string, string>> | undefined): boolean {
  return getOwn(labels, OWNER_LABEL) === OWNER_VALUE;
}

/** The Namespace object the course creates. */
export function namespaceObject(name: string): object {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { [OWNER_LABEL]: OWNER_VALUE } } };
}

/**
 * Where a command names manifests: the word of `args` that holds a `-f` value, what comes before the
 * value in that word (`--filename=`, `-f`, or nothing when the value is a word of its own), and the
 * paths it lists (kubectl's -f takes a comma-separated list).
 */
export interface FileArg {
  readonly word: number;
  readonly prefix: string;
  readonly paths: readonly string[];
}

export type Guarded =
  { readonly ok: true; readonly args: readonly string[]; readonly files: readonly FileArg[] } | { readonly ok: false; readonly message: string };

/** Flags that point kubectl somewhere else or sign in as someone else: never passed on. */
const ELSEWHERE = [
  'context',
  'kubeconfig',
  'cluster',
  'user',
  'server',
  'token',
  'as',
  'as-group',
  'as-uid',
  'username',
  'password',
  'certificate-authority',
  'client-certificate',
  'client-key',
  'insecure-skip-tls-verify',
  'tls-server-name',
];
/** Verbs that only read, or change objects in the namespace they are given. */
const READS = new Set(['get', 'describe', 'explain', 'api-resources', 'api-versions', 'version', 'logs', 'top', 'events', 'cluster-info', 'wait', 'diff']);
const WRITES = new Set(['run', 'expose', 'create', 'apply', 'delete', 'label', 'annotate', 'scale', 'set', 'rollout', 'patch', 'exec', 'replace', 'autoscale']);
/** Kinds that live outside any namespace: readable, never written. */
const CLUSTER_SCOPED = new Set([
  'namespaces',
  'nodes',
  'persistentvolumes',
  'clusterroles',
  'clusterrolebindings',
  'storageclasses',
  'customresourcedefinitions',
  'priorityclasses',
  'ingressclasses',
  'runtimeclasses',
  'apiservices',
  'csidrivers',
  'csinodes',
  'certificatesigningrequests',
  'volumeattachments',
  'mutatingwebhookconfigurations',
  'validatingwebhookconfigurations',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
  'componentstatuses',
  'flowschemas',
  'prioritylevelconfigurations',
  'ipaddresses',
  'servicecidrs',
]);
const CLUSTER_SCOPED_WORDS: Readonly<Record<string, string>> = {
  ns: 'namespaces',
  namespace: 'namespaces',
  no: 'nodes',
  node: 'nodes',
  pv: 'persistentvolumes',
  persistentvolume: 'persistentvolumes',
  clusterrole: 'clusterroles',
  clusterrolebinding: 'clusterrolebindings',
  sc: 'storageclasses',
  storageclass: 'storageclasses',
  crd: 'customresourcedefinitions',
  crds: 'customresourcedefinitions',
  customresourcedefinition: 'customresourcedefinitions',
  pc: 'priorityclasses',
  priorityclass: 'priorityclasses',
  csr: 'certificatesigningrequests',
  cs: 'componentstatuses',
};
/** Namespaced types a write may name, in every spelling kubectl takes (the course's namespace holds them). */
const NAMESPACED_WORDS = new Set([
  'all',
  'pod',
  'pods',
  'po',
  'service',
  'services',
  'svc',
  'deployment',
  'deployments',
  'deploy',
  'replicaset',
  'replicasets',
  'rs',
  'endpoints',
  'ep',
  'endpointslice',
  'endpointslices',
  'configmap',
  'configmaps',
  'cm',
  'secret',
  'secrets',
  'job',
  'jobs',
  'cronjob',
  'cronjobs',
  'cj',
  'statefulset',
  'statefulsets',
  'sts',
  'daemonset',
  'daemonsets',
  'ds',
  'ingress',
  'ingresses',
  'ing',
  'serviceaccount',
  'serviceaccounts',
  'sa',
  'networkpolicy',
  'networkpolicies',
  'netpol',
  'persistentvolumeclaim',
  'persistentvolumeclaims',
  'pvc',
  'poddisruptionbudget',
  'poddisruptionbudgets',
  'pdb',
  'event',
  'events',
  'ev',
]);
/** What `kubectl create` may make by name (`create service nodeport ...`); the rest only from checked manifests. */
const CREATE_WORDS = new Set([
  'service',
  'svc',
  'deployment',
  'deploy',
  'configmap',
  'cm',
  'secret',
  'job',
  'cronjob',
  'cj',
  'ingress',
  'ing',
  'poddisruptionbudget',
  'pdb',
  'serviceaccount',
  'sa',
]);

/** Kinds a manifest may hold: namespaced ones the lessons (and a curious learner) use. */
const MANIFEST_KINDS = new Set([
  'Pod',
  'Service',
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'EndpointSlice',
  'Ingress',
  'NetworkPolicy',
  'ServiceAccount',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'List',
]);
/** kubectl's flags that take a value as the next word (so that value is not read as a type or name). */
const VALUED = new Set([
  '-n',
  '--namespace',
  '-f',
  '--filename',
  '-o',
  '--output',
  '-l',
  '--selector',
  '-c',
  '--container',
  '--image',
  '--port',
  '--target-port',
  '--type',
  '--name',
  '--field-selector',
  '-k',
  '--kustomize',
  '--for',
  '--timeout',
  '--replicas',
  '-p',
  '--patch',
  '--tcp',
  '--node-port',
  '--protocol',
  '--overrides',
  '--labels',
  '--env',
  '--restart',
  '--sort-by',
  '--template',
  '-L',
  '--label-columns',
  '--since',
  '--tail',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--token',
  '--as',
  '--as-group',
  '--as-uid',
  '--username',
  '--password',
  '--request-timeout',
  '-v',
  '--v',
  '--cache-dir',
  '--certificate-authority',
  '--client-certificate',
  '--client-key',
  '--tls-server-name',
  '--field-manager',
  '--cascade',
  '--grace-period',
  '--dry-run',
  '--subresource',
  '--local',
  '--type-override',
]);

const refuse = (message: string): Guarded => ({ ok: false, message: `nodeport-lab: ${message}` });

interface Scan {
  readonly verb: string | undefined;
  readonly positionals: readonly string[];
  readonly files: readonly FileArg[];
  readonly namespaces: readonly string[];
  readonly problem?: string;
}

function scan(words: readonly string[]): Scan {
  const positionals: string[] = [];
  const files: FileArg[] = [];
  const namespaces: string[] = [];
  let verb: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') break;
    if (!word.startsWith('-') || word === '-') {
      if (verb === undefined) verb = word;
      else positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const long = word.startsWith('--');
    const name = long ? (eq > 0 ? word.slice(2, eq) : word.slice(2)) : word.slice(1, 2);
    const flag = long ? `--${name}` : `-${name}`;
    let value: string | undefined;
    let attached = true;
    if (long && eq > 0) value = word.slice(eq + 1);
    else if (!long && word.length > 2) value = word.slice(2).replace(/^=/, '');
    else if (VALUED.has(flag) && !(flag === '-f' && verb === 'logs')) {
      value = words[++i];
      attached = false;
    }
    if (long && ELSEWHERE.includes(name))
      return {
        verb,
        positionals,
        files,
        namespaces,
        problem: `--${name} points kubectl at another cluster or user; here it always uses the course's own context`,
      };
    if (flag === '-s')
      return { verb, positionals, files, namespaces, problem: "-s points kubectl at another server; here it always uses the course's own context" };
    if (flag === '-A' || flag === '--all-namespaces') namespaces.push('*');
    if (flag === '-n' || flag === '--namespace') namespaces.push(value ?? '');
    if ((flag === '-f' && verb !== 'logs') || flag === '--filename') {
      // kubectl reads -f's value as comma-separated values, where quotes change the splitting.
      if (value?.includes('"'))
        return { verb, positionals, files, namespaces, problem: `-f ${value}: a quoted file name is not run here; give the file without quotes` };
      const prefix = attached && value !== undefined ? word.slice(0, word.length - value.length) : '';
      files.push({ word: i, prefix, paths: (value ?? '').split(',') });
    }
    if (flag === '-k' || flag === '--kustomize')
      return { verb, positionals, files, namespaces, problem: '-k (kustomize) is not run here: give the manifests with -f' };
    if (flag === '-R' || flag === '--recursive')
      return { verb, positionals, files, namespaces, problem: '-R reads folders below the one given; name the manifests, or their folder, without it' };
    if (flag === '--raw') return { verb, positionals, files, namespaces, problem: '--raw reaches any API path; it is not run here' };
  }
  return { verb, positionals, files, namespaces };
}

/** The types a command names: `pods`, `svc,deploy`, `pod/web`. */
function typesOf(verb: string, all: readonly string[]): string[] {
  // `set image`, `rollout status`: the subcommand comes before the type.
  const positionals = verb === 'set' || verb === 'rollout' ? all.slice(1) : all;
  const first = positionals[0];
  if (first === undefined) return [];
  if (verb === 'create' || verb === 'run' || verb === 'logs' || verb === 'exec') {
    return verb === 'create' ? [first] : [];
  }
  // TYPE/NAME words (not `container=image/name` or `key=value` arguments), or TYPE[,TYPE] first.
  const words = first.includes('/') ? positionals.filter((p) => p.includes('/') && !p.includes('=')).map((p) => p.split('/')[0] ?? '') : first.split(',');
  return words.map((w) => w.toLowerCase().split('.')[0] ?? '');
}

const clusterScoped = (type: string): boolean =>
  CLUSTER_SCOPED.has(type) || getOwn(CLUSTER_SCOPED_WORDS, type) !== undefined || CLUSTER_SCOPED.has(`${type}s`) || !NAMESPACED_WORDS.has(type);

/** Why the manifests in a file would reach beyond our namespace; null when they stay in it. */
export function manifestProblem(text: string, namespace: string): string | null {
  let docs;
  try {
    docs = yaml().parseAllDocuments(text);
  } catch {
    return null; // kubectl reports a file it cannot read itself.
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const check = (item: unknown): string | null => {
    if (item === null || typeof item !== 'object') return null;
    const kind = getOwn(item as Record<string, unknown>, 'kind');
    const metadata = getOwn(item as Record<string, unknown>, 'metadata');
    if (typeof kind === 'string' && !MANIFEST_KINDS.has(kind))
      return `a ${kind} is not created from here: the course keeps to namespaced objects such as Pods and Services`;
    if (kind === 'List') {
      const items = getOwn(item as Record<string, unknown>, 'items');
      for (const inner of Array.isArray(items) ? items : []) {
        const why = check(inner);
        if (why) return why;
      }
    }
    const ns = metadata && typeof metadata === 'object' ? getOwn(metadata as Record<string, unknown>, 'namespace') : undefined;
    if (ns !== undefined && ns !== namespace) return `the manifest puts its object in namespace "${jsonText(ns)}"; here everything lives in "${namespace}"`;
    return null;
  };
  for (const doc of list) {
    const why = check(doc.toJS({ maxAliasCount: 10 }));
    if (why) return why;
  }
  return null;
}

/**
 * Checks a kubectl command line (the words after `kubectl`) before it runs: no other context or user,
 * no namespace but ours, no write to a cluster-wide object, manifests only of namespaced objects in
 * ours. `read` gives a file's text (undefined when there is no such file: kubectl then says so
 * itself; null when it is there but cannot be checked, which is refused).
 * On success, the words to run, with our namespace given explicitly.
 */
export function guardKubectl(words: readonly string[], namespace: string, read: (path: string) => string | readonly string[] | undefined | null): Guarded {
  const s = scan(words);
  if (s.problem) return refuse(s.problem);
  const verb = s.verb;
  if (verb === undefined || verb === 'help' || words.includes('--help') || words.includes('-h')) return { ok: true, args: words, files: [] };
  // edit opens a text editor, which the course's prompt cannot be: say what does the same.
  if (verb === 'edit')
    return refuse(
      `kubectl edit needs a text editor, which this prompt is not; change the live object with kubectl patch (kubectl patch svc NAME -p '{"spec":{...}}'), or change its file and kubectl apply -f it`,
    );
  if (!READS.has(verb) && !WRITES.has(verb) && verb !== 'auth') {
    return refuse(`kubectl ${verb} is not run on a real cluster from here (it could reach beyond the course's namespace "${namespace}")`);
  }
  for (const ns of s.namespaces) {
    if (ns === '*') {
      if (!READS.has(verb)) return refuse(`--all-namespaces is not run with kubectl ${verb} here`);
      return refuse(`the course reads only its own namespace "${namespace}"; leave out --all-namespaces`);
    }
    if (ns !== namespace) return refuse(`namespace "${ns}" is not the course's; here everything lives in "${namespace}"`);
  }
  if (verb === 'auth' && s.positionals[0] !== 'can-i') return refuse('only kubectl auth can-i is run here');
  const types = typesOf(verb, s.positionals);
  if (!READS.has(verb) && verb !== 'auth' && verb !== 'create' && types.some(clusterScoped)) {
    const type = types.find(clusterScoped) ?? '';
    const whole = CLUSTER_SCOPED.has(type) || getOwn(CLUSTER_SCOPED_WORDS, type) !== undefined || CLUSTER_SCOPED.has(`${type}s`);
    return refuse(
      whole
        ? `kubectl ${verb} on ${type} changes the whole cluster, not the course's namespace "${namespace}"`
        : `kubectl ${verb} on "${type}" is not run here: it is not a kind the course's namespace holds`,
    );
  }
  const made = s.positionals[0];
  if (verb === 'create' && made !== undefined && !CREATE_WORDS.has(made.toLowerCase())) {
    return refuse(
      CLUSTER_SCOPED.has(made) || getOwn(CLUSTER_SCOPED_WORDS, made) !== undefined || CLUSTER_SCOPED.has(`${made}s`)
        ? `kubectl create ${made} changes the whole cluster`
        : `kubectl create ${made} is not run here; write it as a manifest and apply it`,
    );
  }
  for (const file of s.files.flatMap((f) => f.paths)) {
    if (file === '' || file === '-' || /^[a-z]+:\/\//i.test(file))
      return refuse(`-f ${file || '(nothing)'}: here manifests come from files, so that they can be checked before they run`);
    const text = read(file);
    if (text === undefined) continue;
    if (text === null) return refuse(`${file} cannot be read here (too large, or not a regular file), so it cannot be checked before it runs`);
    for (const one of typeof text === 'string' ? [text] : text) {
      const why = manifestProblem(one, namespace);
      if (why) return refuse(why);
    }
  }
  // The namespace goes first: every word of the line moves one along.
  return { ok: true, args: [`--namespace=${namespace}`, ...words], files: s.files.map((f) => ({ ...f, word: f.word + 1 })) };
}
