// A session on a real cluster: the course's namespace (made and labelled as ours, or refused when
// a namespace of that name is someone else's), a private kubeconfig whose context defaults to it,
// and each command line the learner types run for real: kubectl through the guard, curl as the real
// curl, trace over the real objects. State is read back through the API as a Cluster.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Cluster } from '../../core/cluster/index.js';
import { answerOf, type Answer } from '../../core/kubectl/answer.js';
import type { KubectlIO, OutputChunk } from '../../core/kubectl/index.js';
import { splitShellWords } from '../../core/kubectl/shell-words.js';
import { clusterFromApi } from '../../core/real-cluster/from-api.js';
import { guardKubectl, isOurs, namespaceObject } from '../../core/real-cluster/ownership.js';
import { proxyModeOf, traceLabel } from '../../core/real-cluster/proxy-mode.js';
import { reachRecipe } from '../../core/real-cluster/reach.js';
import { iptablesSaveCommand, traceCommand } from '../../core/shell/network.js';
import { formatRulesDiff, rulesDiff } from '../../core/real-cluster/rules-diff.js';
import type { RequestRecord } from '../../core/shell/result.js';
import { runChild } from './child.js';
import { handChecked, type Checked } from './checked-files.js';
import type { Connection } from './preflight.js';

export interface LineResult {
  readonly output: readonly OutputChunk[];
  /** null for a line that ran nothing (empty, a comment). */
  readonly exitCode: number | null;
  readonly answer?: Answer;
  readonly request?: RequestRecord;
  readonly exit?: boolean;
}

export interface Session {
  readonly namespace: string;
  readonly kubeconfig: string;
  /** `signal`, when aborted, stops the child the line runs (Ctrl-C). */
  readonly run: (line: string, signal?: AbortSignal) => Promise<LineResult>;
  readonly read: () => Promise<Cluster>;
  /** Deletes the namespace (it is ours: checked again before the request). */
  readonly leave: () => Promise<string>;
  /** Deletes the namespace and makes it again, empty; null when done, else why not. */
  readonly renew: () => Promise<string | null>;
}

/** A command that follows (get -w, logs -f) is stopped after this long. */
export const COMMAND_LIMIT_MS = 60_000;
const MAX_SLEEP_S = 60;

const say = (stream: 'stdout' | 'stderr', text: string): OutputChunk => ({ stream, text });
const nsPath = (ns: string): string => `/api/v1/namespaces/${encodeURIComponent(ns)}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const statusMessage = (body: unknown): string =>
  body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : String(body);

/** Makes the namespace ours, or says why it cannot. */
async function ensureNamespace(connection: Connection, namespace: string): Promise<string | null> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = await connection.api.get(nsPath(namespace));
    if (found.status === 200) {
      const meta = (found.body as { metadata?: { labels?: Record<string, string> }; status?: { phase?: string } }) ?? {};
      if (!isOurs(meta.metadata?.labels))
        return `namespace ${namespace} exists and is not ours (it has no ${'app.kubernetes.io/managed-by=nodeport-lab'} label); nodeport-lab will not use it.`;
      if (meta.status?.phase !== 'Terminating') return null;
    } else if (found.status === 404) {
      const made = await connection.api.post('/api/v1/namespaces', namespaceObject(namespace));
      if (made.status === 201 || made.status === 200) return null;
      if (made.status !== 409) return `the cluster would not create namespace ${namespace}: ${statusMessage(made.body)}`;
    } else {
      return `the cluster would not show namespace ${namespace}: ${statusMessage(found.body)}`;
    }
    await sleep(500); // Still being deleted from a last session: wait for it to go.
  }
  return `namespace ${namespace} is still being deleted; try again in a minute.`;
}

export interface SessionOptions {
  readonly namespace: string;
  readonly files: KubectlIO;
  /** The course's manifests by name: `-f NAME` reads them when the folder has no such file. */
  readonly manifests: ReadonlyMap<string, string>;
  readonly cwd: string;
  readonly platform?: string;
}

export async function openSession(connection: Connection, options: SessionOptions): Promise<{ ok: true; session: Session } | { ok: false; message: string }> {
  const { namespace } = options;
  const problem = await ensureNamespace(connection, namespace);
  if (problem) return { ok: false, message: problem };
  const env = { ...process.env, KUBECONFIG: connection.kubeconfig };
  const set = await runChild(connection.kubectl, ['config', 'set-context', '--current', `--namespace=${namespace}`], { env });
  if (set.code !== 0) return { ok: false, message: `kubectl could not set the namespace in the course's kubeconfig: ${set.stderr.trim()}` };
  /**
   * What the guard reads, by the path as given: the files and folders `-f` names. A file in the
   * folder wins over a course manifest of the same name (it is what kubectl would read), so it is
   * read by its full path, which no course manifest has.
   */
  const readFile = (path: string): Checked | null => {
    const full = resolve(options.cwd, path);
    const known = options.manifests.get(path);
    if (!existsSync(full) && known !== undefined) return { kind: 'file', text: known };
    const listed = options.files.listDir?.(full);
    if (listed) {
      const names = listed.filter((n) => /\.(ya?ml|json)$/i.test(n));
      const manifests = names.map((name) => ({ name, text: options.files.readFile(join(full, name)) }));
      return manifests.every((m): m is { name: string; text: string } => typeof m.text === 'string') ? { kind: 'folder', manifests } : null;
    }
    const text = options.files.readFile(full);
    if (typeof text === 'string') return { kind: 'file', text };
    return text.error === 'not-found' ? { kind: 'missing' } : null;
  };
  const checkedRoot = join(connection.dir, 'checked');

  const kubectl = async (words: readonly string[], signal?: AbortSignal): Promise<LineResult> => {
    // Each path is read once, for the check; kubectl then gets a copy of exactly that text.
    const read = new Map<string, Checked>();
    const guarded = guardKubectl(words, namespace, (path) => {
      const got = readFile(path);
      if (got) read.set(path, got);
      return got === null ? null : got.kind === 'missing' ? undefined : got.kind === 'file' ? got.text : got.manifests.map((m) => m.text);
    });
    if (!guarded.ok)
      return { output: [say('stderr', `${guarded.message}\n`)], exitCode: 1, answer: { accepted: false, by: 'kubectl', causes: [], message: guarded.message } };
    const handed = handChecked(guarded.args, guarded.files, (path) => read.get(path), checkedRoot);
    try {
      const run = await runChild(connection.kubectl, handed.args, {
        env,
        cwd: options.cwd,
        timeoutMs: COMMAND_LIMIT_MS,
        ...(signal ? { signal } : {}),
      });
      const stderr = handed.named(run.stderr);
      const output = [say('stdout', handed.named(run.stdout)), say('stderr', stderr)].filter((c) => c.text !== '');
      if (run.timedOut) output.push(say('stderr', `nodeport-lab: stopped after ${COMMAND_LIMIT_MS / 1000} s, as Ctrl-C would\n`));
      return { output, exitCode: run.code, answer: answerOf(run.code, stderr) };
    } finally {
      handed.dispose();
    }
  };

  const read = async (): Promise<Cluster> => {
    const [nodes, pods, services] = await Promise.all([
      connection.api.get('/api/v1/nodes'),
      connection.api.get(`${nsPath(namespace)}/pods`),
      connection.api.get(`${nsPath(namespace)}/services`),
    ]);
    const platform = options.platform ?? process.platform;
    const flavour = connection.detected.flavour;
    const hostReachesInternalIP = ['k3s', 'microk8s'].includes(flavour) || (platform === 'linux' && ['kind', 'k3d', 'minikube'].includes(flavour));
    return clusterFromApi({
      nodes: nodes.body,
      pods: pods.body,
      services: services.body,
      version: connection.serverVersion,
      now: Date.now(),
      hostReachesInternalIP,
    });
  };

  const curl = async (args: readonly string[], signal?: AbortSignal): Promise<LineResult> => {
    const allowed = /^-[sSviIL]+$/;
    const valued = new Set(['-m', '--max-time', '--connect-timeout', '-H', '--header', '-w', '--write-out']);
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (valued.has(arg)) i++;
      else if (
        /^(--max-time|--connect-timeout|--header|--write-out)=/.test(arg) ||
        allowed.test(arg) ||
        ['--silent', '--show-error', '--verbose', '--include', '--head', '--location'].includes(arg)
      )
        continue;
      else if (/^https?:\/\//i.test(arg) || !arg.startsWith('-')) urls.push(arg);
      else
        return { output: [say('stderr', `nodeport-lab: curl ${arg} is not run here (it can: -s -S -v -i -I -L -m -H -w, and http:// URLs)\n`)], exitCode: 2 };
    }
    if (urls.length !== 1) return { output: [say('stderr', 'nodeport-lab: give curl one http:// URL\n')], exitCode: 2 };
    const url = /^https?:\/\//i.test(urls[0]!) ? urls[0]! : `http://${urls[0]!}`;
    const limit = args.some((a) => a.startsWith('--connect-timeout') || a === '-m' || a.startsWith('--max-time')) ? [] : ['--connect-timeout', '10'];
    // Into a pipe curl draws its progress meter, which it leaves out on a terminal.
    const quiet = args.some((a) => /^-[a-zA-Z]*v/.test(a) || a === '--verbose') ? [] : ['--no-progress-meter'];
    const run = await runChild('curl', [...limit, ...quiet, ...args.filter((a) => a !== urls[0]), '--', url], {
      timeoutMs: COMMAND_LIMIT_MS,
      ...(signal ? { signal } : {}),
    });
    if (run.missing) return { output: [say('stderr', 'nodeport-lab: curl is not on your PATH; install it to make real requests\n')], exitCode: 127 };
    const outcome = run.code === 0 ? 'answered' : run.code === 7 ? 'refused' : run.code === 28 ? 'timeout' : undefined;
    let service: string | undefined;
    try {
      const port = Number(new URL(url).port);
      service = port ? (await read()).services.find((s) => s.spec.ports.some((p) => p.nodePort === port))?.metadata.name : undefined;
    } catch {
      service = undefined;
    }
    const output = [say('stdout', run.stdout), say('stderr', run.stderr)].filter((c) => c.text !== '');
    return { output, exitCode: run.code, ...(outcome ? { request: { ...(service ? { service } : {}), outcome } } : {}) };
  };

  const traceLine = async (args: readonly string[]): Promise<LineResult> => {
    const cluster = await read();
    const proxy = await connection.api.get('/api/v1/namespaces/kube-system/configmaps/kube-proxy').catch(() => ({ status: 0, body: null }));
    const mode = proxyModeOf(proxy.status === 200 ? proxy.body : null);
    // The lab's node ports answer on 127.0.0.1 for the first worker: trace from that worker's address.
    const first = cluster.nodes
      .find((n) => !('node-role.kubernetes.io/control-plane' in n.metadata.labels))
      ?.status.addresses.find((a) => a.type === 'ExternalIP')?.address;
    const traced =
      connection.detected.flavour === 'nodeport-lab' && first
        ? args.map((a) => a.replace(/^(https?:\/\/)?(127\.0\.0\.1|localhost)(?=[:/]|$)/, `$1${first}`))
        : args;
    const result = traceCommand(cluster, traced);
    const label = result.stdout !== '' ? [say('stdout', `${traceLabel(mode, connection.context.name)}\n`)] : [];
    const body = [say('stdout', result.stdout), say('stderr', result.stderr)].filter((c) => c.text !== '');
    if (result.exitCode === 0 && connection.detected.flavour === 'kind') body.push(await nodeRules(cluster, args));
    return { output: [...label, ...body], exitCode: result.exitCode };
  };

  /** kind: the node's real rules (docker exec NODE iptables-save) beside the trace's. */
  const nodeRules = async (cluster: Cluster, args: readonly string[]): Promise<OutputChunk> => {
    const host = (() => {
      try {
        return new URL(/^https?:\/\//.test(args.at(-1) ?? '') ? (args.at(-1) ?? '') : `http://${args.at(-1) ?? ''}`).hostname;
      } catch {
        return '';
      }
    })();
    const node =
      cluster.nodes.find((n) => n.status.addresses.some((a) => a.address === host)) ??
      cluster.nodes.find((n) => !('node-role.kubernetes.io/control-plane' in n.metadata.labels));
    if (!node) return say('stdout', '');
    const name = node.metadata.name;
    const real = await runChild('docker', ['exec', name, 'iptables-save', '-t', 'nat'], { timeoutMs: 20_000 });
    if (real.code !== 0)
      return say(
        'stderr',
        `nodeport-lab: cannot read ${name}'s own rules (docker exec ${name} iptables-save: ${real.missing ? 'docker is not on your PATH' : (real.stderr.trim().split('\n').pop() ?? 'failed')})\n`,
      );
    const ours = iptablesSaveCommand(cluster, ['--node', name, '-t', 'nat']).stdout;
    return say('stdout', formatRulesDiff(rulesDiff(ours, real.stdout, namespace), name));
  };

  const reach = async (): Promise<LineResult> => {
    const cluster = await read();
    const lines: string[] = [];
    for (const service of cluster.services) {
      for (const port of service.spec.ports) {
        if (port.nodePort === undefined) continue;
        const r = reachRecipe({
          flavour: connection.detected.flavour,
          platform: options.platform ?? process.platform,
          server: connection.context.server,
          context: connection.context.name,
          nodes: connection.nodes,
          nodePort: port.nodePort,
          service: service.metadata.name,
          namespace,
          servicePort: port.port,
        });
        lines.push(
          `${service.metadata.name} (node port ${port.nodePort}): ${r.command ? `first run ${r.command}; ` : ''}${r.url ? `curl ${r.url}` : ''}`.replace(
            /; $/,
            '',
          ),
          `  ${r.how}`,
          ...(r.limits ? [`  ${r.limits}`] : []),
        );
      }
    }
    return { output: [say('stdout', `${lines.length ? lines.join('\n') : `no NodePort service in ${namespace} yet`}\n`)], exitCode: 0 };
  };

  const run = async (line: string, signal?: AbortSignal): Promise<LineResult> => {
    const text = line.trim();
    if (text === '' || text.startsWith('#')) return { output: [], exitCode: null };
    const split = splitShellWords(text);
    if (!split.ok) return { output: [say('stderr', `nodeport-lab: ${split.error}\n`)], exitCode: 2 };
    const [program = '', ...args] = split.words;
    switch (program) {
      case 'kubectl':
      case 'k':
        return kubectl(args, signal);
      case 'nodes':
        return kubectl(['get', 'nodes', '-o', 'wide']);
      case 'curl':
        return curl(args, signal);
      case 'trace':
        return traceLine(args);
      case 'reach':
        return reach();
      case 'sleep': {
        const seconds = Number(args[0]);
        if (!Number.isFinite(seconds) || seconds < 0) return { output: [say('stderr', 'sleep: give a number of seconds\n')], exitCode: 1 };
        await sleep(Math.min(seconds, MAX_SLEEP_S) * 1000);
        return { output: [], exitCode: 0 };
      }
      case 'exit':
        return { output: [], exitCode: 0, exit: true };
      case 'help':
        return {
          output: [
            say(
              'stdout',
              `On context "${connection.context.name}", namespace ${namespace}: kubectl (the real one, kept to this namespace), curl URL (a real request), reach (how to reach each node port from here), trace URL (the path the rules would give), nodes, sleep N, exit.\n`,
            ),
          ],
          exitCode: 0,
        };
      default:
        return {
          output: [say('stderr', `nodeport-lab: ${program} is not run on a real cluster (here: kubectl, curl, reach, trace, nodes, sleep, help, exit)\n`)],
          exitCode: 127,
        };
    }
  };

  const leave = async (): Promise<string> => deleteOurNamespace(connection, namespace);
  const renew = async (): Promise<string | null> => {
    await leave();
    return ensureNamespace(connection, namespace);
  };
  return { ok: true, session: { namespace, kubeconfig: connection.kubeconfig, run, read, leave, renew } };
}

/** Deletes a namespace only if it carries our label; says what happened. */
export async function deleteOurNamespace(connection: Connection, namespace: string): Promise<string> {
  const found = await connection.api.get(nsPath(namespace));
  if (found.status === 404) return `namespace/${namespace} is already gone`;
  const labels = (found.body as { metadata?: { labels?: Record<string, string> } })?.metadata?.labels;
  if (found.status !== 200 || !isOurs(labels)) return `namespace/${namespace} is not ours: left alone`;
  const gone = await connection.api.delete(nsPath(namespace));
  return gone.status >= 200 && gone.status < 300
    ? `namespace/${namespace} deleted`
    : `namespace/${namespace} could not be deleted: ${statusMessage(gone.body)}`;
}

/** The namespaces carrying our label. */
export async function ourNamespaces(connection: Connection): Promise<string[]> {
  const listed = await connection.api.get(`/api/v1/namespaces?labelSelector=${encodeURIComponent('app.kubernetes.io/managed-by=nodeport-lab')}`);
  const items = (listed.body as { items?: { metadata?: { name?: string; labels?: Record<string, string> } }[] })?.items ?? [];
  // The selector is the server's; the label is checked again here.
  return items
    .filter((i) => isOurs(i.metadata?.labels))
    .map((i) => i.metadata?.name ?? '')
    .filter((n) => n !== '');
}
