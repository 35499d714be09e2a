// The command a learner's own kubectl ran, rebuilt from the requests it sent the lab's API.
// kubectl names only its command path in a header (`Kubectl-Command: kubectl run`), and one
// invocation's requests share a `Kubectl-Session`; everything else (names, image, ports, the
// outcome) is read from the requests themselves and the API's answers. The line comes out as
// kubectl would have been typed to send those requests, so a goal judges it like a line typed at
// the course's own prompt. What kubectl keeps to itself (the file of `-f`, how `-o` prints) is
// named in `unseen`: a goal asks nothing of those flags for this command.

import type { Answer, FieldCause } from '../kubectl/answer.js';
import { parseCause } from '../kubectl/answer.js';
import { unwrap } from './protobuf.js';
import { serviceManifest } from './service-proto.js';
import type { ApiRequest } from './request.js';
import { append } from '../append.js';

/** One request of an invocation and the API's answer to it. */
export interface Exchange {
  /** The `Kubectl-Command` header (`kubectl create service nodeport`); empty from other clients. */
  readonly command: string;
  readonly request: ApiRequest;
  readonly status: number;
  /** The answer's body (a Status when refused). */
  readonly answer: string;
}

export interface OutsideCommand {
  readonly line: string;
  readonly answer: Answer;
  /** Flags kubectl used without telling the API (their values cannot be known). */
  readonly unseen: readonly string[];
}

/** Where a request points, for any group: `/api/v1/namespaces/default/pods/web/log`. */
interface Aim {
  readonly plural: string;
  readonly name?: string;
  readonly sub?: string;
}

function aimOf(path: string): Aim | null {
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  let rest: string[];
  if (parts[0] === 'api' && parts[1] === 'v1') rest = parts.slice(2);
  else if (parts[0] === 'apis' && parts.length >= 3) rest = parts.slice(3);
  else return null;
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2);
  const [plural, name, sub] = rest;
  if (plural === undefined || rest.length > 3) return null;
  return { plural, ...(name !== undefined ? { name } : {}), ...(sub !== undefined ? { sub } : {}) };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const objAt = (o: unknown, key: string): Obj => (isObj(o) && isObj(o[key]) ? o[key] : {});
const listAt = (o: unknown, key: string): unknown[] => (isObj(o) && Array.isArray(o[key]) ? o[key] : []);
const textAt = (o: unknown, key: string): string | undefined => {
  const v = isObj(o) ? o[key] : undefined;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
};

/** The object a request carried: JSON, or the protobuf Service `kubectl create service` sends. */
function bodyOf(request: ApiRequest): Obj {
  try {
    if (request.contentType.startsWith('application/vnd.kubernetes.protobuf')) {
      const envelope = unwrap(request.raw ?? new TextEncoder().encode(request.body));
      return envelope.kind === 'Service' ? serviceManifest(envelope.raw) : {};
    }
    const value: unknown = JSON.parse(request.body);
    return isObj(value) ? value : {};
  } catch {
    return {};
  }
}

/** A word as a shell would need it written to come back the same. */
function word(text: string): string {
  return /^[\w./:=,@+%-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

const flag = (name: string, value: string): string => `--${name}=${word(value)}`;

/** How the API answered: accepted, or refused with the Status's reason, causes and message. */
function answerOf(exchange: Exchange): Answer {
  if (exchange.status < 400) return { accepted: true };
  let status: unknown;
  try {
    status = JSON.parse(exchange.answer);
  } catch {
    status = {};
  }
  const causes = listAt(objAt(status, 'details'), 'causes')
    .map((c) => parseCause(`${textAt(c, 'field') ?? ''}: ${textAt(c, 'message') ?? ''}`))
    .filter((c): c is FieldCause => c !== null);
  return { accepted: false, by: 'api', reason: textAt(status, 'reason') ?? '', causes, message: textAt(status, 'message') ?? '' };
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function runLine(body: Obj, dryRun: boolean, expose = false): string {
  const meta = objAt(body, 'metadata');
  const name = textAt(meta, 'name') ?? '';
  const container = listAt(objAt(body, 'spec'), 'containers')[0];
  const words = ['kubectl', 'run', word(name)];
  const image = textAt(container, 'image');
  if (image !== undefined) words.push(flag('image', image));
  const port = textAt(listAt(container, 'ports')[0], 'containerPort');
  if (port !== undefined) words.push(flag('port', port));
  const labels = Object.entries(objAt(meta, 'labels')).map(([k, v]) => `${k}=${String(v)}`);
  if (labels.join(',') !== `run=${name}`) words.push(flag('labels', labels.join(',')));
  const env = listAt(container, 'env').map((e) => `${textAt(e, 'name') ?? ''}=${textAt(e, 'value') ?? ''}`);
  for (const e of env) words.push(flag('env', e));
  if (expose) words.push('--expose');
  if (dryRun) words.push('--dry-run=server');
  return words.join(' ');
}

function exposeLine(body: Obj, exposed: Aim | undefined, dryRun: boolean): string {
  const meta = objAt(body, 'metadata');
  const spec = objAt(body, 'spec');
  const port = listAt(spec, 'ports')[0];
  const words = ['kubectl', 'expose', word(exposed?.plural ?? 'pods'), word(exposed?.name ?? textAt(meta, 'name') ?? '')];
  const name = textAt(meta, 'name');
  if (name !== undefined) words.push(flag('name', name));
  const type = textAt(spec, 'type');
  if (type !== undefined) words.push(flag('type', type));
  const number = textAt(port, 'port');
  if (number !== undefined) words.push(flag('port', number));
  const target = textAt(port, 'targetPort');
  if (target !== undefined && target !== number) words.push(flag('target-port', target));
  const protocol = textAt(port, 'protocol');
  if (protocol !== undefined && protocol !== 'TCP') words.push(flag('protocol', protocol));
  if (dryRun) words.push('--dry-run=server');
  return words.join(' ');
}

function createServiceLine(verb: string, body: Obj, dryRun: boolean): string {
  const spec = objAt(body, 'spec');
  const ports = listAt(spec, 'ports');
  const words = ['kubectl', ...verb.split(' '), word(textAt(objAt(body, 'metadata'), 'name') ?? '')];
  const tcp = ports.map((p) => `${textAt(p, 'port') ?? ''}:${textAt(p, 'targetPort') ?? textAt(p, 'port') ?? ''}`);
  if (tcp.length > 0 && verb !== 'create service externalname') words.push(flag('tcp', tcp.join(',')));
  const nodePort = textAt(ports[0], 'nodePort');
  if (nodePort !== undefined && nodePort !== '0') words.push(flag('node-port', nodePort));
  if (dryRun) words.push('--dry-run=server');
  return words.join(' ');
}

/** `get`, `delete` and friends: every type and name the invocation asked about, in order. */
function targetsLine(verb: string, aims: readonly Aim[]): string {
  const types = [...new Set(aims.map((a) => a.plural))];
  const names = [...new Set(aims.flatMap((a) => (a.name !== undefined ? [a.name] : [])))];
  if (types.length > 1 && names.length > 0) return ['kubectl', verb, ...aims.map((a) => word(`${a.plural}/${a.name ?? ''}`))].join(' ');
  return ['kubectl', verb, word(types.join(',')), ...names.map(word)].join(' ');
}

function selectorFlags(request: ApiRequest): string[] {
  const out: string[] = [];
  const labels = request.query.get('labelSelector');
  if (labels) out.push(flag('selector', labels));
  const fields = request.query.get('fieldSelector');
  if (fields) out.push(flag('field-selector', fields));
  return out;
}

function logsLine(exchange: Exchange, aim: Aim): string {
  const q = exchange.request.query;
  const words = ['kubectl', 'logs', word(aim.name ?? '')];
  const container = q.get('container');
  if (container) words.push(flag('container', container));
  const tail = q.get('tailLines');
  if (tail) words.push(flag('tail', tail));
  if (q.get('follow') === 'true') words.push('--follow');
  if (q.get('previous') === 'true') words.push('--previous');
  return words.join(' ');
}

/** The words of exec's command, kept as a JSON list in the upgrade's query (serve/upgrade-exchange.ts). */
function execWords(request: ApiRequest): string[] {
  try {
    const words: unknown = JSON.parse(request.query.get('command') ?? '[]');
    return Array.isArray(words) ? words.map(String) : [];
  } catch {
    return [];
  }
}

/**
 * `kubectl exec` and `kubectl port-forward`: the object named is the first one read (port-forward
 * of `svc/NAME` reads the service, then its pod), and how it ended is the first refusal, else the
 * upgrade's answer. exec's container, stdin, tty and command are in its upgrade's query; the ports
 * of a port-forward are kubectl's own until a connection comes, so they are not asked of.
 */
function streamCommand(verb: 'exec' | 'port-forward', touched: readonly { exchange: Exchange; aim: Aim }[]): OutsideCommand | null {
  const named = touched[0];
  if (!named) return null;
  const upgrade = touched.find((t) => t.aim.sub === (verb === 'exec' ? 'exec' : 'portforward'));
  const refused = touched.find((t) => t.exchange.status >= 400);
  const answer = answerOf((refused ?? upgrade ?? named).exchange);
  const target = named.aim.plural === 'pods' ? (named.aim.name ?? '') : `${named.aim.plural}/${named.aim.name ?? ''}`;
  const words = ['kubectl', verb, word(target)];
  if (verb === 'port-forward') return { line: words.join(' '), answer, unseen: ['args', 'address'] };
  const q = upgrade?.exchange.request.query;
  const container = q?.get('container');
  if (container) words.push(flag('container', container));
  if (q?.get('stdin') === 'true') words.push('--stdin');
  if (q?.get('tty') === 'true') words.push('--tty');
  const command = upgrade ? execWords(upgrade.exchange.request) : [];
  if (command.length > 0) append(words, ['--', ...command.map(word)]);
  return { line: words.join(' '), answer, unseen: upgrade ? [] : ['args'] };
}

/**
 * The command one invocation of the learner's own kubectl ran, from its requests in order; null
 * when they came from another client, or touched no object (discovery and the OpenAPI alone).
 */
export function outsideCommand(exchanges: readonly Exchange[]): OutsideCommand | null {
  const header = exchanges[0]?.command ?? '';
  if (!header.startsWith('kubectl ')) return null;
  const verb = header.slice('kubectl '.length).trim();
  const touched = exchanges.flatMap((e) => {
    const aim = aimOf(e.request.path);
    return aim ? [{ exchange: e, aim }] : [];
  });
  if (verb === 'exec' || verb === 'port-forward') return streamCommand(verb, touched);
  const writes = touched.filter((t) => WRITES.has(t.exchange.request.method));
  // The request that does the command: its first write, else the log it read, else its first read.
  const main = writes[0] ?? touched.find((t) => verb === 'logs' && t.aim.sub === 'log') ?? touched[0];
  if (!main) return null;
  const refused = [...writes, main].find((t) => t.exchange.status >= 400) ?? main;
  const answer = answerOf(refused.exchange);
  const request = main.exchange.request;
  const dryRun = request.query.get('dryRun') === 'All';
  const body = bodyOf(request);
  const first = verb.split(' ')[0] ?? '';
  let line: string;
  let unseen: string[] = [];
  if (verb === 'run' && request.method === 'POST') {
    // run --expose posts the pod, then its Service (run.go: createGeneratedObject, then generateService).
    const posts = writes.filter((t) => t.exchange.request.method === 'POST');
    const pod = posts.find((t) => t.aim.plural === 'pods');
    line = runLine(
      pod ? bodyOf(pod.exchange.request) : body,
      dryRun,
      posts.some((t) => t.aim.plural === 'services'),
    );
  } else if (verb === 'expose' && request.method === 'POST') line = exposeLine(body, touched.find((t) => t.exchange.request.method === 'GET')?.aim, dryRun);
  else if (verb.startsWith('create service ') && request.method === 'POST') line = createServiceLine(verb, body, dryRun);
  else if (verb === 'apply' || verb === 'create' || verb === 'replace') {
    line = [
      'kubectl',
      verb,
      ...(request.contentType.startsWith('application/apply-patch') ? ['--server-side'] : []),
      ...(dryRun ? ['--dry-run=server'] : []),
    ].join(' ');
    unseen = ['filename'];
  } else if (verb === 'logs' && main.aim.sub === 'log') line = logsLine(main.exchange, main.aim);
  else if (verb === 'get') {
    const reads = touched.filter((t) => t.exchange.request.method === 'GET').map((t) => t.aim);
    const watching = touched.some((t) => ['true', '1'].includes(t.exchange.request.query.get('watch') ?? ''));
    line = [targetsLine('get', reads), ...selectorFlags(request), ...(watching ? ['--watch'] : [])].join(' ');
    unseen = ['output'];
  } else if (verb === 'delete') {
    const deletes = writes.filter((t) => t.exchange.request.method === 'DELETE').map((t) => t.aim);
    line = targetsLine('delete', deletes.length > 0 ? deletes : [main.aim]);
    unseen = ['wait', 'grace-period', 'now', 'force'];
  } else if (['logs', 'exec', 'attach', 'port-forward', 'cp'].includes(first)) {
    line = ['kubectl', first, ...(main.aim.plural === 'pods' ? [] : [word(main.aim.plural)]), word(main.aim.name ?? '')].join(' ');
  } else {
    line = [targetsLine(verb, [main.aim]), ...(verb === 'describe' ? selectorFlags(request) : [])].join(' ');
    unseen = ['output', 'filename'];
  }
  return { line, answer, unseen };
}
