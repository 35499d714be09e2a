// The diff the API server appends to a refused pod update. ValidatePodUpdate
// (pkg/apis/core/validation/validation.go) answers `pod updates may not change fields other than
// ...\n` followed by `cmp.Diff(oldPod.Spec, mungedPodSpec)`: go-cmp's report of the internal
// core.PodSpec, with the new spec's images set back to the old ones. This file models the two
// specs as Go values (field order of core.PodSpec, core.Container, core.ContainerPort and
// core.EnvVar in pkg/apis/core/types.go of Kubernetes 1.32) and prints them as go-cmp does
// (cmp/report_compare.go, report_reflect.go, report_text.go): identical fields coalesced into
// `... // N identical fields` with up to two neighbours shown, `-`/`+` lines, keys aligned, a
// two-character mark and tabs for indentation. go-cmp swaps some of those spaces for U+00A0 at
// random (report_text.go, randBool) so that nobody relies on the bytes; this prints plain spaces.

import { parseQuantityParts } from './quantity-value.js';
import type { Container, Pod, RestartPolicy } from './types.js';

/** A Go value: a struct (fields in declaration order), a slice, a pointer, a scalar. */
export type GoValue =
  | {
      readonly k: 'struct';
      readonly type: string;
      readonly fields: readonly (readonly [string, GoValue])[];
      /** Compared by its Equal method (go-cmp does not descend): values with the same key are equal. */
      readonly equalBy?: string;
    }
  /** A map, its keys as go-cmp prints them (sorted; a key type with a String method as s"..."). */
  | { readonly k: 'map'; readonly type: string; readonly entries: readonly (readonly [string, GoValue])[] | null }
  | { readonly k: 'slice'; readonly type: string; readonly elems: readonly GoValue[] | null }
  | { readonly k: 'ptr'; readonly to: GoValue | null }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'int'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean };

const str = (v: string): GoValue => ({ k: 'str', v });
const int = (v: number): GoValue => ({ k: 'int', v });
const bool = (v: boolean): GoValue => ({ k: 'bool', v });
const ptr = (to: GoValue | null): GoValue => ({ k: 'ptr', to });
const NIL_PTR = ptr(null);
const slice = (type: string, elems: readonly GoValue[] | null): GoValue => ({ k: 'slice', type, elems: elems && elems.length > 0 ? elems : null });
const struct = (type: string, fields: readonly (readonly [string, GoValue])[]): GoValue => ({ k: 'struct', type, fields });
const nilSlice = (type: string): GoValue => slice(type, null);

/** value·10^scale written one way only: 1, 1000m and 1k·10^-3 alike. */
function amountKey(value: number, scale: number): string {
  let v = value;
  let sc = scale;
  while (v !== 0 && v % 10 === 0) {
    v /= 10;
    sc++;
  }
  return v === 0 ? '0' : `${v}e${sc}`;
}

/** resource.Quantity (quantity-value.ts): compared by Quantity.Equal, i.e. by its amount. */
function quantity(text: string): GoValue {
  const q = parseQuantityParts(text) ?? { value: 0, scale: 0, cached: text, format: 'DecimalSI' as const };
  return {
    k: 'struct',
    type: 'resource.Quantity',
    equalBy: amountKey(q.value, q.scale),
    fields: [
      [
        'i',
        struct('resource.int64Amount', [
          ['value', int(q.value)],
          ['scale', int(q.scale)],
        ]),
      ],
      ['d', struct('resource.infDecAmount', [['Dec', NIL_PTR]])],
      ['s', str(q.cached)],
      ['Format', str(q.format)],
    ],
  };
}

/** core.ResourceList: map[ResourceName]resource.Quantity; ResourceName has a String method. */
function resourceList(list: Readonly<Record<string, string>> | undefined): GoValue {
  const keys = Object.keys(list ?? {}).sort();
  if (!list || keys.length === 0) return { k: 'map', type: 'core.ResourceList', entries: null };
  return { k: 'map', type: 'core.ResourceList', entries: keys.map((key) => [`s${JSON.stringify(key)}`, quantity(list[key] ?? '')] as const) };
}

/** What a container asks for: limits, requests (defaulted from the limits, as SetDefaults_Pod does), no claims. */
export interface ResourcesUpdate {
  readonly limits?: Readonly<Record<string, string>>;
  readonly requests?: Readonly<Record<string, string>>;
}

function resourcesValue(r: ResourcesUpdate | undefined): GoValue {
  const requests = r?.limits ? { ...r.limits, ...(r.requests ?? {}) } : r?.requests;
  return struct('core.ResourceRequirements', [
    ['Limits', resourceList(r?.limits)],
    ['Requests', resourceList(requests)],
    ['Claims', nilSlice('[]core.ResourceClaim')],
  ]);
}

// ---- the sandbox's pod as the API server holds it (internal types) ----

const SA_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** A container as the update would leave it: what the manifest says, over what the live one has. */
export interface ContainerUpdate {
  readonly name: string;
  readonly ports: readonly { readonly name?: string; readonly containerPort: number; readonly protocol?: string; readonly hostPort?: number }[];
  readonly env: readonly { readonly name: string; readonly value: string }[];
  readonly resources?: ResourcesUpdate;
  /** Whether it mounts the service-account token volume (absent: as the live container of its name does). */
  readonly mountsToken?: boolean;
}

/**
 * What the scheduler and the admission plugins had added at create, as the update leaves it: a
 * PUT whose file lacks them takes them away (the ServiceAccount plugin mutates on create only,
 * plugin/pkg/admission/serviceaccount/admission.go), a patch keeps them. Volumes other than the
 * service-account token's are not modelled.
 */
export interface PodPlacement {
  readonly nodeName: string;
  readonly serviceAccountName: string;
  /** spec.volumes holds the kube-api-access-xxxxx projected volume. */
  readonly tokenVolume: boolean;
}

export const livePlacement = (pod: Pod): PodPlacement => ({
  nodeName: pod.spec.nodeName ?? '',
  serviceAccountName: pod.spec.serviceAccountName,
  tokenVolume: true,
});

export function containerValue(c: ContainerUpdate, image: string, pullPolicy: string, tokenVolume: string | undefined): GoValue {
  const ports = c.ports.map((p) =>
    struct('core.ContainerPort', [
      ['Name', str(p.name ?? '')],
      ['HostPort', int(p.hostPort ?? 0)],
      ['ContainerPort', int(p.containerPort)],
      ['Protocol', str(p.protocol ?? 'TCP')],
      ['HostIP', str('')],
    ]),
  );
  const env = c.env.map((e) =>
    struct('core.EnvVar', [
      ['Name', str(e.name)],
      ['Value', str(e.value)],
      ['ValueFrom', NIL_PTR],
    ]),
  );
  const mounts =
    tokenVolume === undefined
      ? null
      : [
          struct('core.VolumeMount', [
            ['Name', str(tokenVolume)],
            ['ReadOnly', bool(true)],
            ['RecursiveReadOnly', NIL_PTR],
            ['MountPath', str(SA_MOUNT)],
            ['SubPath', str('')],
            ['MountPropagation', NIL_PTR],
            ['SubPathExpr', str('')],
          ]),
        ];
  return struct('core.Container', [
    ['Name', str(c.name)],
    ['Image', str(image)],
    ['Command', nilSlice('[]string')],
    ['Args', nilSlice('[]string')],
    ['WorkingDir', str('')],
    ['Ports', slice('[]core.ContainerPort', ports)],
    ['EnvFrom', nilSlice('[]core.EnvFromSource')],
    ['Env', slice('[]core.EnvVar', env)],
    ['Resources', resourcesValue(c.resources)],
    ['ResizePolicy', nilSlice('[]core.ContainerResizePolicy')],
    ['RestartPolicy', NIL_PTR],
    ['VolumeMounts', slice('[]core.VolumeMount', mounts)],
    ['VolumeDevices', nilSlice('[]core.VolumeDevice')],
    ['LivenessProbe', NIL_PTR],
    ['ReadinessProbe', NIL_PTR],
    ['StartupProbe', NIL_PTR],
    ['Lifecycle', NIL_PTR],
    ['TerminationMessagePath', str('/dev/termination-log')],
    ['TerminationMessagePolicy', str('File')],
    ['ImagePullPolicy', str(pullPolicy)],
    ['SecurityContext', NIL_PTR],
    ['Stdin', bool(false)],
    ['StdinOnce', bool(false)],
    ['TTY', bool(false)],
  ]);
}

const toleration = (key: string): GoValue =>
  struct('core.Toleration', [
    ['Key', str(key)],
    ['Operator', str('Exists')],
    ['Value', str('')],
    ['Effect', str('NoExecute')],
    ['TolerationSeconds', ptr(int(300))],
  ]);

function tokenVolumeValue(name: string): GoValue {
  const obj = (type: string, fields: readonly (readonly [string, GoValue])[]) => struct(type, fields);
  const projection = (field: string, value: GoValue): GoValue => obj('core.VolumeProjection', [[field, ptr(value)]]);
  return obj('core.Volume', [
    ['Name', str(name)],
    [
      'VolumeSource',
      obj('core.VolumeSource', [
        [
          'Projected',
          ptr(
            obj('core.ProjectedVolumeSource', [
              [
                'Sources',
                slice('[]core.VolumeProjection', [
                  projection(
                    'ServiceAccountToken',
                    obj('core.ServiceAccountTokenProjection', [
                      ['ExpirationSeconds', int(3607)],
                      ['Path', str('token')],
                    ]),
                  ),
                  projection(
                    'ConfigMap',
                    obj('core.ConfigMapProjection', [
                      ['LocalObjectReference', obj('core.LocalObjectReference', [['Name', str('kube-root-ca.crt')]])],
                      [
                        'Items',
                        slice('[]core.KeyToPath', [
                          obj('core.KeyToPath', [
                            ['Key', str('ca.crt')],
                            ['Path', str('ca.crt')],
                          ]),
                        ]),
                      ],
                    ]),
                  ),
                  projection(
                    'DownwardAPI',
                    obj('core.DownwardAPIProjection', [
                      [
                        'Items',
                        slice('[]core.DownwardAPIVolumeFile', [
                          obj('core.DownwardAPIVolumeFile', [
                            ['Path', str('namespace')],
                            [
                              'FieldRef',
                              ptr(
                                obj('core.ObjectFieldSelector', [
                                  ['APIVersion', str('v1')],
                                  ['FieldPath', str('metadata.namespace')],
                                ]),
                              ),
                            ],
                          ]),
                        ]),
                      ],
                    ]),
                  ),
                ]),
              ],
              ['DefaultMode', ptr(int(420))],
            ]),
          ),
        ],
      ]),
    ],
  ]);
}

/** The internal core.PodSpec of a live pod, with its containers and restart policy as given. */
export function podSpecValue(pod: Pod, containers: readonly GoValue[], restartPolicy: string, placement: PodPlacement = livePlacement(pod)): GoValue {
  const s = pod.spec;
  return struct('core.PodSpec', [
    ['Volumes', slice('[]core.Volume', placement.tokenVolume ? [tokenVolumeValue(pod.tokenVolume)] : null)],
    ['InitContainers', nilSlice('[]core.Container')],
    ['Containers', slice('[]core.Container', containers)],
    ['EphemeralContainers', nilSlice('[]core.EphemeralContainer')],
    ['RestartPolicy', str(restartPolicy)],
    ['TerminationGracePeriodSeconds', ptr(int(s.terminationGracePeriodSeconds))],
    ['ActiveDeadlineSeconds', NIL_PTR],
    ['DNSPolicy', str(s.dnsPolicy)],
    ['NodeSelector', nilSlice('map[string]string')],
    ['ServiceAccountName', str(placement.serviceAccountName)],
    ['AutomountServiceAccountToken', NIL_PTR],
    ['NodeName', str(placement.nodeName)],
    ['SecurityContext', ptr(struct('core.PodSecurityContext', s.hostNetwork ? [['HostNetwork', bool(true)]] : []))],
    ['ImagePullSecrets', nilSlice('[]core.LocalObjectReference')],
    ['Hostname', str('')],
    ['Subdomain', str('')],
    ['SetHostnameAsFQDN', NIL_PTR],
    ['Affinity', NIL_PTR],
    ['SchedulerName', str('default-scheduler')],
    ['Tolerations', slice('[]core.Toleration', [toleration('node.kubernetes.io/not-ready'), toleration('node.kubernetes.io/unreachable')])],
    ['HostAliases', nilSlice('[]core.HostAlias')],
    ['PriorityClassName', str(s.priorityClassName ?? '')],
    ['Priority', ptr(int(s.priority ?? 0))],
    ['PreemptionPolicy', ptr(str('PreemptLowerPriority'))],
    ['DNSConfig', NIL_PTR],
    ['ReadinessGates', nilSlice('[]core.PodReadinessGate')],
    ['RuntimeClassName', NIL_PTR],
    ['Overhead', nilSlice('core.ResourceList')],
    ['EnableServiceLinks', ptr(bool(true))],
    ['TopologySpreadConstraints', nilSlice('[]core.TopologySpreadConstraint')],
    ['OS', NIL_PTR],
    ['SchedulingGates', nilSlice('[]core.PodSchedulingGate')],
    ['ResourceClaims', nilSlice('[]core.PodResourceClaim')],
    ['Resources', NIL_PTR],
  ]);
}

const liveUpdate = (c: Container): ContainerUpdate => ({ name: c.name, ports: c.ports, env: c.env, ...(c.resources ? { resources: c.resources } : {}) });

/**
 * The diff ValidatePodUpdate appends when an update of `live` would leave its containers as
 * `containers` and its restart policy as `restartPolicy`. The update's images are set back to
 * the live ones (they may change); a container of the same name keeps what the API server had
 * added to it (the service-account mount), a new one has only its defaults.
 */
export function podUpdateDiff(
  live: Pod,
  containers: readonly (ContainerUpdate & { readonly imagePullPolicy?: string })[],
  restartPolicy: RestartPolicy | string,
  placement: PodPlacement = livePlacement(live),
): string {
  const old = podSpecValue(
    live,
    live.spec.containers.map((c) => containerValue(liveUpdate(c), c.image, c.imagePullPolicy, live.tokenVolume)),
    live.spec.restartPolicy,
  );
  const next = podSpecValue(
    live,
    containers.map((c, i) => {
      const same = live.spec.containers.find((lc) => lc.name === c.name);
      const image = live.spec.containers[i]?.image ?? '';
      const pull = c.imagePullPolicy ?? same?.imagePullPolicy ?? 'Always';
      return containerValue(c, image, pull, same && (c.mountsToken ?? true) ? live.tokenVolume : undefined);
    }),
    restartPolicy,
    placement,
  );
  return goCmpDiff(old, next);
}

// ---- comparison (cmp/compare.go, report_value.go) ----

interface Node {
  readonly x: GoValue | undefined;
  readonly y: GoValue | undefined;
  readonly records: readonly { readonly key: string; readonly node: Node }[];
  readonly numSame: number;
  readonly numDiff: number;
  readonly maxDepth: number;
  /** Transitive descendants (report_value.go: NumChildren); equal to maxDepth on a chain. */
  readonly numChildren: number;
  readonly kind: 'struct' | 'slice' | 'map' | 'ptr' | 'leaf';
  readonly type: string;
}

const sameValue = (a: GoValue, b: GoValue): boolean => JSON.stringify(a) === JSON.stringify(b);

function leaf(x: GoValue | undefined, y: GoValue | undefined): Node {
  const same = x !== undefined && y !== undefined && sameValue(x, y);
  return { x, y, records: [], numSame: same ? 1 : 0, numDiff: same ? 0 : 1, maxDepth: 0, numChildren: 0, kind: 'leaf', type: '' };
}

function withRecords(x: GoValue, y: GoValue, kind: Node['kind'], type: string, records: Node['records']): Node {
  return {
    x,
    y,
    records,
    kind,
    type,
    numSame: records.reduce((n, r) => n + r.node.numSame, 0),
    numDiff: records.reduce((n, r) => n + r.node.numDiff, 0),
    maxDepth: records.reduce((n, r) => Math.max(n, r.node.maxDepth + 1), 0),
    numChildren: records.reduce((n, r) => n + r.node.numChildren + 1, 0),
  };
}

function compare(x: GoValue | undefined, y: GoValue | undefined): Node {
  if (x === undefined || y === undefined) return leaf(x, y);
  if (x.k === 'struct' && y.k === 'struct' && x.equalBy !== undefined) {
    const same = x.equalBy === y.equalBy;
    return { x, y, records: [], numSame: same ? 1 : 0, numDiff: same ? 0 : 1, maxDepth: 0, numChildren: 0, kind: 'leaf', type: x.type };
  }
  if (x.k === 'map' && y.k === 'map') {
    if (x.entries === null || y.entries === null) return leaf(x, y);
    const xs = new Map(x.entries);
    const ys = new Map(y.entries);
    const keys = [...new Set([...xs.keys(), ...ys.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return withRecords(
      x,
      y,
      'map',
      x.type,
      keys.map((key) => ({ key, node: compare(xs.get(key), ys.get(key)) })),
    );
  }
  if (x.k === 'struct' && y.k === 'struct') {
    return withRecords(
      x,
      y,
      'struct',
      x.type,
      x.fields.map(([key, fx], i) => ({ key, node: compare(fx, y.fields[i]?.[1]) })),
    );
  }
  if (x.k === 'ptr' && y.k === 'ptr') {
    if (x.to === null || y.to === null) return leaf(x, y);
    return withRecords(x, y, 'ptr', '', [{ key: '', node: compare(x.to, y.to) }]);
  }
  if (x.k === 'slice' && y.k === 'slice') {
    if (x.elems === null || y.elems === null) return leaf(x, y);
    return withRecords(
      x,
      y,
      'slice',
      x.type,
      editScript(x.elems, y.elems).map(([ex, ey]) => ({ key: '', node: compare(ex, ey) })),
    );
  }
  return leaf(x, y);
}

/** Pairs of elements: equal ones kept in order (longest common run), similar ones paired, the rest removed or inserted. */
function editScript(xs: readonly GoValue[], ys: readonly GoValue[]): [GoValue | undefined, GoValue | undefined][] {
  const lcs: number[][] = Array.from({ length: xs.length + 1 }, () => new Array<number>(ys.length + 1).fill(0));
  for (let i = xs.length - 1; i >= 0; i--) {
    for (let j = ys.length - 1; j >= 0; j--) {
      lcs[i]![j] = sameValue(xs[i]!, ys[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: [GoValue | undefined, GoValue | undefined][] = [];
  let gapX: GoValue[] = [];
  let gapY: GoValue[] = [];
  const flush = () => {
    let i = 0;
    while (i < gapX.length && i < gapY.length) {
      const n = compare(gapX[i], gapY[i]);
      if (n.numSame + 1 < n.numDiff) break; // diff.Result.Similar
      out.push([gapX[i], gapY[i]]);
      i++;
    }
    for (const x of gapX.slice(i)) out.push([x, undefined]);
    for (const y of gapY.slice(i)) out.push([undefined, y]);
    gapX = [];
    gapY = [];
  };
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    if (i < xs.length && j < ys.length && sameValue(xs[i]!, ys[j]!)) {
      flush();
      out.push([xs[i], ys[j]]);
      i++;
      j++;
    } else if (j >= ys.length || (i < xs.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) gapX.push(xs[i++]!);
    else gapY.push(ys[j++]!);
  }
  flush();
  return out;
}

// ---- text (cmp/report_text.go) ----

type Mode = '' | ' ' | '-' | '+';
interface TRecord {
  readonly diff: Mode;
  readonly key: string;
  value: TNode;
  readonly elideComma?: boolean;
  readonly comment?: string;
}
interface TWrap {
  readonly prefix: string;
  value: TNode;
  readonly suffix: string;
}
type TNode = string | TWrap | TRecord[];

const MAX_COLUMN = 80;
const ELLIPSIS = '...';
const isLine = (n: TNode): n is string => typeof n === 'string';
const combine = (d: Mode, r: Mode): Mode => (r === '' ? d : r === ' ' && d !== '' ? d : r);

function compact(node: TNode, d: Mode): TNode {
  if (isLine(node)) return node;
  if (!Array.isArray(node)) {
    const w = node;
    w.value = compact(w.value, d);
    return isLine(w.value) ? w.prefix + w.value + w.suffix : w;
  }
  let multi = false;
  const parts: string[] = [];
  for (const r of node) {
    if (r.diff === '-' || r.diff === '+') multi = true;
    r.value = compact(r.value, combine(d, r.diff));
    if (!isLine(r.value) || r.comment !== undefined) multi = true;
    parts.push((r.key ? `${r.key}: ` : '') + (isLine(r.value) ? r.value : ''));
  }
  const text = parts.join(', ');
  if ((d === '-' || d === '+') && text.length > MAX_COLUMN) multi = true;
  return multi ? node : text;
}

const indent = (d: Mode, n: number): string => (d === '-' ? '- ' : d === '+' ? '+ ' : '  ') + '\t'.repeat(n);

function alignKeys(list: readonly TRecord[]): number[] {
  const pads = new Array<number>(list.length).fill(0);
  let start = 0;
  let max = 0;
  const close = (end: number) => {
    for (let j = start; j < end; j++) pads[j] = max - list[j]!.key.length;
  };
  list.forEach((r, i) => {
    if (r.key === '' || !isLine(r.value)) {
      close(i);
      start = i + 1;
      max = 0;
    } else max = Math.max(max, r.key.length);
  });
  close(list.length);
  return pads;
}

function expanded(node: TNode, d: Mode, n: number): string {
  if (isLine(node)) return node;
  if (!Array.isArray(node)) {
    const w = node;
    return w.prefix + expanded(w.value, d, n) + w.suffix;
  }
  const list = node;
  if (list.every((r) => r.diff === '' && r.key === '' && isLine(r.value) && r.comment === undefined)) {
    let out = '';
    let batch = '';
    const emit = () => {
      if (batch) out += '\n' + indent(d, n + 1) + batch.trimEnd();
      batch = '';
    };
    for (const r of list) {
      const line = r.value as string;
      if (batch.length + line.length + 2 > MAX_COLUMN) emit();
      batch += line + ', ';
    }
    emit();
    return out + '\n' + indent(d, n);
  }
  const pads = alignKeys(list);
  let out = '';
  list.forEach((r, i) => {
    const mode = combine(d, r.diff);
    out += '\n' + indent(mode, n + 1) + (r.key ? `${r.key}: ` : '') + ' '.repeat(pads[i]!);
    out += expanded(r.value, mode, n + 1) + (r.elideComma ? '' : ',');
    if (r.comment !== undefined) out += ` // ${r.comment}`;
  });
  return out + '\n' + indent(d, n);
}

// ---- values (cmp/report_reflect.go) ----

function isZero(v: GoValue): boolean {
  switch (v.k) {
    case 'str':
      return v.v === '';
    case 'int':
      return v.v === 0;
    case 'bool':
      return !v.v;
    case 'ptr':
      return v.to === null;
    case 'slice':
      return v.elems === null;
    case 'map':
      return v.entries === null;
    case 'struct':
      return v.fields.every(([, f]) => isZero(f));
  }
}

const quote = (s: string, verbosity: number): string => {
  const max = (1 << verbosity) << 5;
  return s.length > max + ELLIPSIS.length ? JSON.stringify(s.slice(0, max)) + ELLIPSIS : JSON.stringify(s);
};

/**
 * FormatValue: zero fields left out, at most ((2^v)/2)*4 fields or elements before `...`, the
 * type named where autoType asks for it (not for identical values nor slice elements).
 */
function formatValue(v: GoValue, verbosity: number, showType: boolean, typed = true): TNode {
  switch (v.k) {
    case 'str':
      return quote(v.v, verbosity);
    case 'int':
      return String(v.v);
    case 'bool':
      return String(v.v);
    case 'ptr':
      return v.to === null ? 'nil' : { prefix: '&', value: formatValue(v.to, verbosity, showType, typed), suffix: '' };
    case 'slice': {
      if (v.elems === null) return 'nil';
      const max = ((1 << verbosity) >> 1) << 2;
      const list: TRecord[] = [];
      for (const e of v.elems) {
        if (list.length === max) {
          list.push({ diff: '', key: '', value: ELLIPSIS, elideComma: true });
          break;
        }
        list.push({ diff: '', key: '', value: formatValue(e, verbosity - 1, false, typed) });
      }
      return { prefix: (showType ? v.type : '') + '{', value: list, suffix: '}' };
    }
    case 'map': {
      if (v.entries === null) return 'nil';
      const max = ((1 << verbosity) >> 1) << 2;
      const list: TRecord[] = [];
      for (const [key, e] of v.entries) {
        if (list.length === max) {
          list.push({ diff: '', key: '', value: ELLIPSIS, elideComma: true });
          break;
        }
        list.push({ diff: '', key, value: formatValue(e, verbosity - 1, false, typed) });
      }
      return { prefix: (showType ? v.type : '') + '{', value: list, suffix: '}' };
    }
    case 'struct': {
      const max = ((1 << verbosity) >> 1) << 2;
      const list: TRecord[] = [];
      for (const [key, f] of v.fields) {
        if (isZero(f)) continue;
        if (list.length === max) {
          list.push({ diff: '', key: '', value: ELLIPSIS, elideComma: true });
          break;
        }
        list.push({ diff: '', key, value: formatValue(f, verbosity - 1, typed, typed) });
      }
      return { prefix: (showType ? v.type : '') + '{', value: list, suffix: '}' };
    }
  }
}

/** An identical value: FormatDiff at verbosity 1, which each level starts again. */
function formatIdentical(v: GoValue): TNode {
  // A value compared by its Equal method is a leaf: FormatValue at verbosity 1, no type names.
  if (v.k === 'struct' && v.equalBy !== undefined) return formatValue(v, 1, false, false);
  switch (v.k) {
    case 'map': {
      if (v.entries === null) return 'nil';
      const list: TRecord[] = v.entries.map(([key, e]) => ({ diff: '', key, value: formatIdentical(e) }));
      return { prefix: '{', value: list, suffix: '}' };
    }
    case 'ptr':
      return v.to === null ? 'nil' : { prefix: '&', value: formatIdentical(v.to), suffix: '' };
    case 'slice':
    case 'struct': {
      if (v.k === 'slice' && (v.elems === null || v.elems.length === 0)) return v.elems === null ? 'nil' : '{}';
      const items: (readonly [string, GoValue])[] = v.k === 'struct' ? v.fields.filter(([, f]) => !isZero(f)) : v.elems!.map((e) => ['', e] as const);
      if (v.k === 'struct' && v.fields.length === 0) return '{}';
      const list: TRecord[] = [];
      for (const [key, f] of items) {
        if (list.length === 4) {
          list.push({ diff: '', key: '', value: ELLIPSIS, elideComma: true });
          break;
        }
        list.push({ diff: '', key, value: formatIdentical(f) });
      }
      return { prefix: '{', value: list, suffix: '}' };
    }
    default:
      return formatValue(v, 1, false);
  }
}

const plural = (n: number, name: string): string => `${n} identical ${n === 1 ? name : name === 'entry' ? 'entries' : `${name}s`}`;

/** FormatDiff of an unequal node (report_compare.go, formatDiffList). */
function formatDiff(node: Node, showType: boolean): TNode {
  if (node.kind === 'ptr') return { prefix: '&', value: formatDiff(node.records[0]!.node, showType), suffix: '' };
  const isStruct = node.kind === 'struct';
  const name = isStruct ? 'field' : node.kind === 'map' ? 'entry' : 'element';
  const list: TRecord[] = [];
  const recs = node.records;
  const groups: { readonly diff: boolean; readonly from: number; readonly to: number }[] = [];
  recs.forEach((r, i) => {
    const diff = r.node.numDiff > 0;
    const last = groups[groups.length - 1];
    if (last && last.diff === diff) groups[groups.length - 1] = { ...last, to: i + 1 };
    else groups.push({ diff, from: i, to: i + 1 });
  });
  groups.forEach((g, gi) => {
    const group = recs.slice(g.from, g.to);
    if (!g.diff) {
      const numEqual = group.length;
      let lo = gi !== 0 ? Math.min(2, numEqual) : 0;
      let hi = gi !== groups.length - 1 ? Math.min(2, numEqual - lo) : 0;
      if (numEqual - (lo + hi) === 1) hi++;
      if (lo + hi > numEqual) lo = numEqual - hi;
      for (const r of group.slice(0, lo)) list.push({ diff: '', key: r.key, value: formatIdentical(r.node.y!) });
      if (numEqual > lo + hi) list.push({ diff: '', key: '', value: ELLIPSIS, elideComma: true, comment: plural(numEqual - lo - hi, name) });
      for (const r of group.slice(numEqual - hi)) list.push({ diff: '', key: r.key, value: formatIdentical(r.node.y!) });
      return;
    }
    for (const r of group) {
      const childType = isStruct;
      if (r.node.numChildren === r.node.maxDepth) {
        if (r.node.x !== undefined) list.push({ diff: '-', key: r.key, value: formatValue(r.node.x, 3, childType) });
        if (r.node.y !== undefined) list.push({ diff: '+', key: r.key, value: formatValue(r.node.y, 3, childType) });
      } else list.push({ diff: '', key: r.key, value: formatDiff(r.node, childType) });
    }
  });
  return { prefix: (showType ? node.type : '') + '{', value: list, suffix: '}' };
}

/** cmp.Diff(x, y): empty when equal, else the report with its trailing newline. */
export function goCmpDiff(x: GoValue, y: GoValue): string {
  const root = compare(x, y);
  if (root.numDiff === 0) return '';
  const text = compact(formatDiff(root, true), '');
  return indent('', 0) + expanded(text, '', 0) + '\n';
}
