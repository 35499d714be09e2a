// A practice step's goal: declarative conditions over the learner's cluster and what they ran,
// each with a sentence that says what is still missing. Lessons hold only this data.
import { endpointsFor, isPodReady, isSystemNamespace, matchesSelector, type Cluster, type ServiceType } from '../cluster/index.js';
import type { Answer } from '../kubectl/answer.js';
import { deedOfLine, describeDeed, differences, type Deed, type Refusal } from './deeds.js';
import { sameImage } from './image-ref.js';
import { firewallAllows } from '../cluster/firewall.js';
import { fillTemplates } from './template.js';

export type { Deed, Refusal } from './deeds.js';

export type Condition =
  | { readonly pod: PodCondition; readonly says?: string }
  | { readonly service: ServiceCondition; readonly says?: string }
  | { readonly request: RequestCondition; readonly says?: string }
  | { readonly did: Deed; readonly says?: string }
  | { readonly firewall: FirewallCondition; readonly says?: string }
  /** Any one of several conditions: deeds that show the same thing (describe a node, or get it wide). */
  | { readonly anyOf: readonly Condition[]; readonly says?: string }
  /** Sugar for `did`: the deed is what kubectl understands from this line (lessons are loaded into `did`). */
  | { readonly ran: string; readonly accepted?: boolean; readonly refused?: Refusal; readonly says?: string };

export interface PodCondition {
  readonly name?: string;
  readonly image?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly running?: boolean;
}

export interface ServiceCondition {
  readonly name?: string;
  readonly type?: ServiceType;
  readonly port?: number;
  readonly targetPort?: number | string;
  readonly nodePort?: number;
  /** The name of a pod the service's selector must match. */
  readonly selects?: string;
  /** Whether the service must have (true) or lack (false) a ready endpoint. */
  readonly endpoints?: boolean;
}

/** The lab's cloud firewall lets a port in from outside (open) or keeps it out (closed). */
export interface FirewallCondition {
  /** A port, or a template for one such as `{{service.my-first-service.nodePort}}`, filled from the cluster as it is now. */
  readonly port: number | string;
  readonly open: boolean;
}

export interface RequestCondition {
  /** The service the request went through, by name (any when absent). */
  readonly service?: string;
  /** The port of the service the request went through, as that service is now (any when absent). */
  readonly port?: number;
  /** answered: the app sent a page; refused / timeout: the request failed that way. */
  readonly outcome: 'answered' | 'refused' | 'timeout';
}

/** What the learner did in a step: each command line, how it ended and, for curl, where it went. */
export interface Attempt {
  readonly line: string;
  readonly request?: { readonly service?: string; readonly outcome: 'answered' | 'refused' | 'timeout' };
  /** Accepted, or refused and why; absent for attempts recorded without it. */
  readonly answer?: Answer;
  /** Flags the command was given that could not be seen (the learner's own kubectl keeps `-f` and `-o` to itself), and `args` when its other words could not be (the ports of a port-forward): a goal asks nothing of them. */
  readonly unseen?: readonly string[];
}

export interface GoalPart {
  readonly says: string;
  readonly met: boolean;
}

export function describeCondition(condition: Condition): string {
  if (condition.says) return condition.says;
  if ('pod' in condition) {
    const { name, image, labels, running } = condition.pod;
    const parts = [`a pod${name ? ` named ${name}` : ''}`];
    if (image) parts.push(`from ${image}`);
    if (labels)
      parts.push(
        `labelled ${Object.entries(labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')}`,
      );
    return `${parts.join(' ')}${running ? ', Running' : ' exists'}`;
  }
  if ('service' in condition) {
    const s = condition.service;
    const parts = [`a ${s.type ?? ''} service${s.name ? ` named ${s.name}` : ''}`.replace('a  ', 'a ')];
    if (s.port !== undefined) parts.push(`port ${s.port}`);
    if (s.targetPort !== undefined) parts.push(`targetPort ${s.targetPort}`);
    if (s.nodePort !== undefined) parts.push(`nodePort ${s.nodePort}`);
    if (s.selects) parts.push(`selecting ${s.selects}`);
    if (s.endpoints === true) parts.push('with an endpoint');
    if (s.endpoints === false) parts.push('with no endpoint');
    return parts.join(', ');
  }
  if ('request' in condition) {
    const { service, port } = condition.request;
    const via = service ? ` through ${service}` : port !== undefined ? ` through a service on port ${port}` : '';
    const what = { answered: 'reached the app', refused: 'seen a request refused', timeout: 'seen a request time out' }[condition.request.outcome];
    return `you have ${what}${via} with curl`;
  }
  if ('did' in condition) return describeDeed(condition.did);
  if ('firewall' in condition) {
    const { port, open } = condition.firewall;
    return `the firewall ${open ? 'lets in' : 'keeps out'} port ${String(port)}`;
  }
  if ('anyOf' in condition) return condition.anyOf.map(describeCondition).join(', or ');
  return describeDeed(deedOf(condition) ?? { line: condition.ran });
}

/** The deed a `did` or `ran` condition asks for (null for other conditions, or a line kubectl cannot read). */
export function deedOf(condition: Condition): Deed | null {
  if ('did' in condition) return condition.did;
  if (!('ran' in condition)) return null;
  const outcome = {
    ...(condition.accepted !== undefined ? { accepted: condition.accepted } : {}),
    ...(condition.refused ? { refused: condition.refused } : {}),
  };
  return deedOfLine(condition.ran, outcome);
}

/** Every deed a condition would be met by: its own, or each of its alternatives'. */
export function deedsOf(condition: Condition): Deed[] {
  if ('anyOf' in condition) return condition.anyOf.flatMap(deedsOf);
  const deed = deedOf(condition);
  return deed ? [deed] : [];
}

/** Goals are about the learner's objects: the cluster's own (kube-system, the CNI's) never meet one. */
const learners = (o: { readonly metadata: { readonly namespace: string } }): boolean => !isSystemNamespace(o.metadata.namespace);

function podMet(cluster: Cluster, c: PodCondition): boolean {
  return cluster.pods.some(
    (pod) =>
      learners(pod) &&
      (c.name === undefined || pod.metadata.name === c.name) &&
      (c.image === undefined || pod.spec.containers.some((k) => sameImage(k.image, c.image ?? ''))) &&
      (c.labels === undefined || Object.entries(c.labels).every(([k, v]) => pod.metadata.labels?.[k] === v)) &&
      (!c.running || isPodReady(pod, cluster.now)),
  );
}

function serviceMet(cluster: Cluster, c: ServiceCondition): boolean {
  return cluster.services.some((service) => {
    if (!learners(service)) return false;
    const { spec } = service;
    if (c.name !== undefined && service.metadata.name !== c.name) return false;
    if (c.type !== undefined && spec.type !== c.type) return false;
    const ports = spec.ports;
    if (c.port !== undefined && !ports.some((p) => p.port === c.port)) return false;
    if (c.targetPort !== undefined && !ports.some((p) => String(p.targetPort) === String(c.targetPort))) return false;
    if (c.nodePort !== undefined && !ports.some((p) => p.nodePort === c.nodePort)) return false;
    if (c.selects !== undefined) {
      const pod = cluster.pods.find((p) => p.metadata.name === c.selects);
      if (!pod || !spec.selector || !matchesSelector(spec.selector, pod.metadata.labels ?? {})) return false;
    }
    if (c.endpoints !== undefined) {
      const ready = endpointsFor(cluster, service).subsets.some((s) => s.addresses.length > 0);
      if (ready !== c.endpoints) return false;
    }
    return true;
  });
}

/** The port a firewall condition means, read from the cluster now (null while its object is missing). */
export function firewallPort(condition: FirewallCondition, cluster: Cluster): number | null {
  const text = fillTemplates(String(condition.port), cluster).trim();
  return /^\d{1,5}$/.test(text) ? Number(text) : null;
}

function requestMet(c: RequestCondition, cluster: Cluster, attempts: readonly Attempt[]): boolean {
  const portOf = (name: string | undefined) => cluster.services.find((s) => s.metadata.name === name && learners(s))?.spec.ports;
  return attempts.some(
    (a) =>
      a.request?.outcome === c.outcome &&
      (c.service === undefined || a.request.service === c.service) &&
      (c.port === undefined || (portOf(a.request.service)?.some((p) => p.port === c.port) ?? false)),
  );
}

function conditionMet(condition: Condition, cluster: Cluster, attempts: readonly Attempt[]): boolean {
  if ('pod' in condition) return podMet(cluster, condition.pod);
  if ('service' in condition) return serviceMet(cluster, condition.service);
  if ('request' in condition) return requestMet(condition.request, cluster, attempts);
  if ('anyOf' in condition) return condition.anyOf.some((c) => conditionMet(c, cluster, attempts));
  if ('firewall' in condition) {
    const port = firewallPort(condition.firewall, cluster);
    return port !== null && firewallAllows(cluster, port) === condition.firewall.open;
  }
  const deed = deedOf(condition);
  return deed !== null && attempts.some((a) => differences(a.unseen ? withoutUnseen(deed, a.unseen) : deed, a.line, a.answer).length === 0);
}

/** A deed that asks nothing of these flags, nor of the other words when `args` is among them. */
function withoutUnseen(deed: Deed, names: readonly string[]): Deed {
  const kept = names.includes('args') ? { ...deed, args: [] } : deed;
  if (!kept.flags) return kept;
  return { ...kept, flags: Object.fromEntries(Object.entries(kept.flags).filter(([name]) => !names.includes(name))) };
}

/** Each condition with whether it holds now. */
export function checkGoal(goal: readonly Condition[], cluster: Cluster, attempts: readonly Attempt[]): GoalPart[] {
  return goal.map((condition) => ({ says: fillTemplates(describeCondition(condition), cluster), met: conditionMet(condition, cluster, attempts) }));
}
