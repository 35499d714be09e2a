// curl as the learner's machine runs it: parse the command line, follow the route, print what
// curl 7.88 prints (the page, -v's exchange, or its own error lines and exit codes).
import {
  advanceClock,
  appendAccessLog,
  findPod,
  findService,
  serveHttp,
  serviceOnNodePort,
  whatAnswers,
  type Cluster,
  type HttpResponse,
} from '../cluster/index.js';
import type { PortForward } from './port-forward.js';
import { nodeWithAddress, trace, type Trace } from '../trace/index.js';
import type { CommandResult, OutputChunk, RequestRecord } from './result.js';
import { append } from '../append.js';

const VERSION = '7.88.1';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** What curl 7.88 adds after a certificate it cannot verify (src/tool_operate.c, CURL_CA_CERT_ERRORMSG). */
const CA_CERT_HELP =
  'More details here: https://curl.se/docs/sslcerts.html\n\n' +
  'curl failed to verify the legitimacy of the server and therefore could not\n' +
  'establish a secure connection to it. To learn more about this situation and\n' +
  'how to fix it, please visit the web page mentioned above.\n';
/** How long Linux keeps retrying a connection nobody answers (tcp_syn_retries = 6). */
const SYN_GIVE_UP_MS = 129_504;

interface CurlOptions {
  insecure: boolean;
  location: boolean;
  /** -X: the request method. */
  method: string | undefined;
  /** -H: extra request headers, as typed. */
  headers: string[];
  /** -o: where the body goes (only /dev/null exists in this sandbox). */
  outputFile: string | undefined;
  /** -w: what to write after the transfer. */
  writeOut: string | undefined;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  maxTimeMs: number | undefined;
  url: string | undefined;
}

type Parsed = { ok: true; options: CurlOptions } | { ok: false; stderr: string; code: number };

function parseArgs(args: readonly string[]): Parsed {
  const options: CurlOptions = {
    insecure: false,
    location: false,
    method: undefined,
    headers: [],
    outputFile: undefined,
    writeOut: undefined,
    silent: false,
    showError: false,
    verbose: false,
    head: false,
    include: false,
    maxTimeMs: undefined,
    url: undefined,
  };
  const flags: Record<string, keyof CurlOptions> = {
    s: 'silent',
    S: 'showError',
    v: 'verbose',
    I: 'head',
    i: 'include',
    k: 'insecure',
    L: 'location',
    '--silent': 'silent',
    '--show-error': 'showError',
    '--verbose': 'verbose',
    '--head': 'head',
    '--include': 'include',
    '--insecure': 'insecure',
    '--location': 'location',
  };
  // Options that take a value: -X/--request, -H/--header, -o/--output, -w/--write-out.
  const valued: Record<string, (value: string) => void> = {
    X: (v) => (options.method = v),
    H: (v) => options.headers.push(v),
    o: (v) => (options.outputFile = v),
    w: (v) => (options.writeOut = v),
  };
  const longValued: Record<string, string> = { '--request': 'X', '--header': 'H', '--output': 'o', '--write-out': 'w' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const timeValue = (value: string | undefined, name: string): Parsed | null => {
      const seconds = Number(value);
      if (value === undefined) return { ok: false, stderr: `curl: option ${name}: requires parameter\n${TRY_HELP}`, code: 2 };
      if (!Number.isFinite(seconds) || seconds < 0)
        return { ok: false, stderr: `curl: option ${name}: expected a proper numerical parameter\n${TRY_HELP}`, code: 2 };
      options.maxTimeMs = Math.round(seconds * 1000);
      return null;
    };
    if (arg === '-m' || arg === '--max-time') {
      const failed = timeValue(args[++i], arg);
      if (failed) return failed;
    } else if (arg.startsWith('--max-time=')) {
      const failed = timeValue(arg.slice(11), '--max-time');
      if (failed) return failed;
    } else if (arg.startsWith('--') && longValued[arg.split('=')[0] ?? ''] !== undefined) {
      const letter = longValued[arg.split('=')[0] ?? ''] ?? '';
      const eq = arg.indexOf('=');
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) return { ok: false, stderr: `curl: option ${arg}: requires parameter\n${TRY_HELP}`, code: 2 };
      valued[letter]?.(value);
    } else if (arg.startsWith('--')) {
      const key = flags[arg];
      if (!key) return { ok: false, stderr: `curl: option ${arg}: is unknown\n${TRY_HELP}`, code: 2 };
      (options[key] as boolean) = true;
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        if (letter === 'm') {
          const rest = arg.slice(j + 1);
          const failed = timeValue(rest || args[++i], '-m');
          if (failed) return failed;
          break;
        }
        if (valued[letter]) {
          const rest = arg.slice(j + 1);
          const value = rest || args[++i];
          if (value === undefined) return { ok: false, stderr: `curl: option -${letter}: requires parameter\n${TRY_HELP}`, code: 2 };
          valued[letter]?.(value);
          break;
        }
        const key = flags[letter];
        if (!key) return { ok: false, stderr: `curl: option -${letter}: is unknown\n${TRY_HELP}`, code: 2 };
        (options[key] as boolean) = true;
      }
    } else {
      options.url = arg;
    }
  }
  if (options.url === undefined) return { ok: false, stderr: `curl: no URL specified!\n${TRY_HELP}`, code: 2 };
  return { ok: true, options };
}

export interface Target {
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  readonly path: string;
  /** The Host header: the host and, when not the default, the port. */
  readonly authority: string;
}

/** The URL a curl command's words ask for, as curl reads its options; null when curl would refuse them. */
export function curlTarget(args: readonly string[]): Target | null {
  const parsed = parseArgs(args);
  if (!parsed.ok || parsed.options.url === undefined) return null;
  const target = parseUrl(parsed.options.url);
  return 'error' in target ? null : target;
}

export function parseUrl(text: string): Target | { error: string; code: number } {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: `curl: (3) URL using bad/illegal format or missing URL\n`, code: 3 };
  }
  const scheme = url.protocol.replace(':', '');
  if (scheme !== 'http' && scheme !== 'https') {
    return { error: `curl: (1) Protocol "${scheme}" not supported or disabled in libcurl\n`, code: 1 };
  }
  const port = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
  return { scheme, host: url.hostname, port, path: `${url.pathname}${url.search}`, authority: url.host };
}

/** curl resolves an IPv4 address and localhost; the nodes' names are in no DNS the laptop uses. */
export function resolve(host: string): string | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
  if (host.toLowerCase() === 'localhost') return '127.0.0.1';
  return undefined;
}

/**
 * Inside a pod, names resolve through the cluster's DNS: a service's name is its cluster IP. A
 * bare name is looked for in the pod's own namespace (the resolv.conf search path starts with
 * NAMESPACE.svc.cluster.local); NAME.NAMESPACE, NAME.NAMESPACE.svc and the full name reach any.
 */
function resolveInPod(cluster: Cluster, host: string, podNamespace: string): string | undefined {
  const direct = resolve(host);
  if (direct) return direct;
  const m = /^([a-z0-9-]+)(?:\.([a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?)?\.?$/.exec(host.toLowerCase());
  const service = m ? findService(cluster, m[1] ?? '', m[2] ?? podNamespace) : undefined;
  return service && service.spec.clusterIP !== '' && service.spec.clusterIP !== 'None' ? service.spec.clusterIP : undefined;
}

/** Where curl runs: on the laptop (with a port-forward, if one is running), or inside a pod's container. */
export interface CurlPlace {
  /** curl run inside that pod's container (kubectl exec), not on the laptop. */
  readonly fromPod?: string;
  /** The namespace of `fromPod` (absent: `default`): where a short service name resolves. */
  readonly fromNamespace?: string;
  /** The running `kubectl port-forward`, which answers on localhost. */
  readonly forward?: PortForward;
}

export function curl(cluster: Cluster, args: readonly string[], place: CurlPlace = {}): CommandResult {
  const parsed = parseArgs(args);
  if (!parsed.ok) return { cluster, stdout: '', stderr: parsed.stderr, exitCode: parsed.code };
  const { options } = parsed;
  if (options.outputFile !== undefined && options.outputFile !== '/dev/null') {
    return { cluster, stdout: '', stderr: `curl: this sandbox has no files to write ${options.outputFile} to; -o /dev/null discards the page\n`, exitCode: 23 };
  }
  const result = curlRequest(cluster, options, place);
  if (options.writeOut === undefined && options.outputFile === undefined) return result;
  // -o /dev/null drops the page; -w writes its summary after the transfer, failed or not.
  const transfer = result.exitCode === 0 ? result.transfer : undefined;
  const code = transfer ? String(transfer.status) : '000';
  const page = options.outputFile === '/dev/null' ? '' : result.stdout;
  const written = options.writeOut === undefined ? '' : writeOut(options.writeOut, code, transfer);
  const stdout = page + written;
  const output = (
    result.output ?? [
      { stream: 'stdout' as const, text: result.stdout },
      { stream: 'stderr' as const, text: result.stderr },
    ]
  )
    .map((c) => (c.stream === 'stdout' ? { ...c, text: '' } : c))
    .concat([{ stream: 'stdout', text: stdout }]);
  return { ...result, stdout, output };
}

/** What an answered request transferred, for -w: the status, where from, and how much. */
interface Transfer {
  readonly status: number;
  readonly ip: string;
  readonly port: number;
  readonly size: number;
}

/** A request's result, and what it transferred when something answered. */
type Requested = CommandResult & { readonly transfer?: Transfer };

/** curl's -w variables the sandbox knows; \n and %% as curl writes them. */
function writeOut(format: string, code: string, target: Transfer | undefined): string {
  return format
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/%\{(\w+)\}/g, (whole, name: string) => {
      switch (name) {
        case 'http_code':
        case 'response_code':
          return code;
        case 'remote_ip':
          return target?.ip ?? '';
        case 'remote_port':
          return target ? String(target.port) : '0';
        case 'size_download':
          return String(target?.size ?? 0);
        default:
          return whole;
      }
    })
    .replace(/%%/g, '%');
}

/** A request to localhost's forwarded port: kubectl port-forward hands it to the pod's port. */
function forwarded(cluster: Cluster, options: CurlOptions, forward: PortForward, path: string, method: string): Requested {
  const pod = findPod(cluster, forward.pod, forward.namespace);
  const answer = pod?.status.podIP !== undefined ? whatAnswers(cluster, pod.status.podIP, forward.remote) : { kind: 'no-pod' as const };
  const quiet = options.silent && !options.showError;
  if (answer.kind !== 'listening') {
    return { cluster, stdout: '', stderr: quiet ? '' : 'curl: (52) Empty reply from server\n', exitCode: 52 };
  }
  let response: HttpResponse = serveHttp(answer.image, method === 'HEAD' ? 'HEAD' : 'GET', path, cluster.now);
  if (method !== 'GET' && method !== 'HEAD') response = notAllowed(response);
  const transfer: Transfer = { status: response.status, ip: '127.0.0.1', port: forward.local, size: Buffer.byteLength(response.body) };
  const head = `HTTP/1.1 ${response.status} ${response.reason}\n${response.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n`;
  const stdout = (options.head || options.include ? head : '') + (options.head ? '' : response.body);
  return { cluster, stdout, stderr: '', exitCode: 0, transfer };
}

/** nginx serving static files answers other methods with 405. */
export function notAllowed(response: HttpResponse): HttpResponse {
  const server = response.headers.find(([k]) => k === 'Server')?.[1] ?? 'nginx';
  const body = `<html>\r\n<head><title>405 Not Allowed</title></head>\r\n<body>\r\n<center><h1>405 Not Allowed</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;
  const headers = response.headers
    .filter(([k]) => k === 'Server' || k === 'Date')
    .concat([
      ['Content-Type', 'text/html'],
      ['Content-Length', String(Buffer.byteLength(body))],
      ['Connection', 'keep-alive'],
    ]);
  return { status: 405, reason: 'Not Allowed', headers, body };
}

function curlRequest(cluster: Cluster, options: CurlOptions, place: CurlPlace): Requested {
  const { fromPod, forward } = place;
  const fromNamespace = place.fromNamespace ?? 'default';
  const quiet = options.silent && !options.showError;
  const target = parseUrl(options.url!);
  if ('error' in target) return { cluster, stdout: '', stderr: quiet ? '' : target.error, exitCode: target.code };
  const ip = fromPod === undefined ? resolve(target.host) : resolveInPod(cluster, target.host, fromNamespace);
  const verbose: string[] = [];
  if (!ip) {
    const message = `curl: (6) Could not resolve host: ${target.host}\n`;
    if (options.verbose) verbose.push(`* Could not resolve host: ${target.host}`, '* Closing connection 0');
    return { cluster, stdout: '', stderr: joinVerbose(verbose) + (quiet ? '' : message), exitCode: 6 };
  }
  const method = options.method ?? (options.head ? 'HEAD' : 'GET');
  if (forward && ip === '127.0.0.1' && target.port === forward.local && target.scheme === 'http')
    return forwarded(cluster, options, forward, target.path, method);
  if (options.verbose) verbose.push(`*   Trying ${ip}:${target.port}...`);
  // One routing computation for curl and trace: curl reads how the connection ends off the trace.
  const http = { method, path: target.path };
  const result =
    fromPod === undefined
      ? trace(cluster, { from: 'outside', ip, port: target.port, http })
      : trace(cluster, { from: 'pod', pod: fromPod, namespace: fromNamespace, ip, port: target.port, http });
  if (!result.ok) return { cluster, stdout: '', stderr: `curl: (7) ${result.error}\n`, exitCode: 7 };
  const { cluster: routed, trace: traced } = result;
  // A request stopped before kube-proxy (the cloud firewall) still aimed at a service: the one
  // that owns this node port on a node's address.
  const stoppedByFirewall = traced.outcome.kind === 'timeout' && traced.outcome.reason === 'firewall';
  const aimedAt = stoppedByFirewall && nodeWithAddress(cluster, ip) ? serviceOnNodePort(cluster, target.port)?.service : undefined;
  const service = (traced.service ?? aimedAt)?.metadata.name;
  const request: RequestRecord = { ...(service ? { service } : {}), outcome: traced.outcome.kind };
  // A connection that was taken but gave curl no page (TLS to a plain port, sshd) is recorded as
  // no request, as on a real cluster, where only curl's exit code tells: the app sent no page.
  const failure = (text: string, code: number, after: Cluster, recorded = true): CommandResult => {
    if (options.verbose) verbose.push(`* ${text.replace(/^curl: \(\d+\) /, '')}`, '* Closing connection 0');
    return { cluster: after, stdout: '', stderr: joinVerbose(verbose) + (quiet ? '' : `${text}\n`), exitCode: code, ...(recorded ? { request } : {}) };
  };

  const { outcome } = traced;
  if (outcome.kind === 'timeout') {
    if (options.maxTimeMs !== undefined && options.maxTimeMs < SYN_GIVE_UP_MS) {
      const waited = options.maxTimeMs + 1;
      return failure(`curl: (28) Connection timed out after ${waited} milliseconds`, 28, advanceClock(routed, waited));
    }
    const text = `curl: (28) Failed to connect to ${target.host} port ${target.port} after ${SYN_GIVE_UP_MS} ms: Couldn't connect to server`;
    return failure(text, 28, advanceClock(routed, SYN_GIVE_UP_MS));
  }
  if (outcome.kind === 'refused') {
    if (options.verbose) verbose.push(`* connect to ${ip} port ${target.port} failed: Connection refused`);
    return failure(`curl: (7) Failed to connect to ${target.host} port ${target.port} after 0 ms: Couldn't connect to server`, 7, routed);
  }
  if (options.verbose) verbose.push(`* Connected to ${target.host} (${ip}) port ${target.port} (#0)`);
  const listener = outcome.server.kind === 'node' ? outcome.server.listener : undefined;
  if (target.scheme === 'https' && listener?.speaks === 'https') {
    // A TLS server (the API server, the kubelet) whose certificate the laptop cannot verify.
    const text = `curl: (60) SSL certificate problem: ${listener.certificate}`;
    if (options.verbose) verbose.push(`* ${text.slice('curl: (60) '.length)}`, '* Closing connection 0');
    return { cluster: routed, stdout: '', stderr: joinVerbose(verbose) + (quiet ? '' : `${text}\n${CA_CERT_HELP}`), exitCode: 60 };
  }
  if (target.scheme === 'https') {
    // The server speaks plain HTTP (or SSH); curl's TLS handshake reads that instead of a TLS record.
    return failure(`curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number`, 35, routed, false);
  }
  if (listener?.speaks === 'ssh') {
    // sshd speaks first: its banner is no HTTP status line, and curl 7.88 refuses HTTP/0.9 by default (lib/http.c).
    if (options.verbose)
      verbose.push(`> ${method} ${target.path} HTTP/1.1`, `> Host: ${target.authority}`, `> User-Agent: curl/${VERSION}`, '> Accept: */*', '>');
    return failure('curl: (1) Received HTTP/0.9 when not allowed', 1, routed, false);
  }
  const response = method !== 'GET' && method !== 'HEAD' && outcome.response.status === 200 ? notAllowed(outcome.response) : outcome.response;
  const transfer: Transfer = { status: response.status, ip, port: target.port, size: Buffer.byteLength(response.body) };
  const logged = logRequest(routed, traced, method, target.path);
  if (options.verbose) {
    verbose.push(`> ${method} ${target.path} HTTP/1.1`, `> Host: ${target.authority}`, `> User-Agent: curl/${VERSION}`, '> Accept: */*');
    append(
      verbose,
      options.headers.map((h) => `> ${h}`),
    );
    verbose.push('>', `< HTTP/${response.version ?? '1.1'} ${response.status} ${response.reason}`);
    append(
      verbose,
      response.headers.map(([k, v]) => `< ${k}: ${v}`),
    );
    verbose.push('<');
  }
  const head = `HTTP/${response.version ?? '1.1'} ${response.status} ${response.reason}\n${response.headers.map(([k, v]) => `${k}: ${v}\n`).join('')}\n`;
  const stdout = (options.head || options.include ? head : '') + (options.head ? '' : response.body);
  const closing = options.verbose ? `* Connection #0 to host ${target.host} left intact\n` : '';
  // -v writes the exchange, then the page arrives, then curl says it kept the connection.
  const output: OutputChunk[] = [
    { stream: 'stderr', text: joinVerbose(verbose) },
    { stream: 'stdout', text: stdout },
    { stream: 'stderr', text: closing },
  ];
  return { cluster: logged, stdout, stderr: joinVerbose(verbose) + closing, exitCode: 0, output, request, transfer };
}

function joinVerbose(lines: readonly string[]): string {
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function logRequest(cluster: Cluster, traced: Trace, method: string, path: string): Cluster {
  const { outcome } = traced;
  if (outcome.kind !== 'answered' || outcome.server.kind !== 'pod') return cluster;
  // The pod's nginx writes one access-log line per request, as `kubectl logs` shows.
  const entry = {
    remoteAddr: traced.seenFrom ?? '-',
    method,
    path,
    status: outcome.response.status,
    bytes: Buffer.byteLength(outcome.response.body),
    userAgent: `curl/${VERSION}`,
  };
  const result = appendAccessLog(cluster, outcome.server.pod.metadata.name, entry, outcome.server.pod.metadata.namespace);
  return result.ok ? result.cluster : cluster;
}
