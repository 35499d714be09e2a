// curl as the learner's machine runs it: parse the command line, follow the route, print what
// curl 7.88 prints (the page, -v's exchange, or its own error lines and exit codes).
import { advanceClock, appendAccessLog, serviceOnNodePort, type Cluster } from '../cluster/index.js';
import { nodeWithAddress, trace, type Trace } from '../trace/index.js';
import type { CommandResult, OutputChunk, RequestRecord } from './result.js';
import { append } from '../append.js';

const VERSION = '7.88.1';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** How long Linux keeps retrying a connection nobody answers (tcp_syn_retries = 6). */
const SYN_GIVE_UP_MS = 129_504;

interface CurlOptions {
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
  const options: CurlOptions = { silent: false, showError: false, verbose: false, head: false, include: false, maxTimeMs: undefined, url: undefined };
  const flags: Record<string, keyof CurlOptions> = {
    s: 'silent', S: 'showError', v: 'verbose', I: 'head', i: 'include',
    '--silent': 'silent', '--show-error': 'showError', '--verbose': 'verbose', '--head': 'head', '--include': 'include',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const timeValue = (value: string | undefined, name: string): Parsed | null => {
      const seconds = Number(value);
      if (value === undefined) return { ok: false, stderr: `curl: option ${name}: requires parameter\n${TRY_HELP}`, code: 2 };
      if (!Number.isFinite(seconds) || seconds < 0) return { ok: false, stderr: `curl: option ${name}: expected a proper numerical parameter\n${TRY_HELP}`, code: 2 };
      options.maxTimeMs = Math.round(seconds * 1000);
      return null;
    };
    if (arg === '-m' || arg === '--max-time') {
      const failed = timeValue(args[++i], arg);
      if (failed) return failed;
    } else if (arg.startsWith('--max-time=')) {
      const failed = timeValue(arg.slice(11), '--max-time');
      if (failed) return failed;
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

export function curl(cluster: Cluster, args: readonly string[]): CommandResult {
  const parsed = parseArgs(args);
  if (!parsed.ok) return { cluster, stdout: '', stderr: parsed.stderr, exitCode: parsed.code };
  const { options } = parsed;
  const quiet = options.silent && !options.showError;
  const target = parseUrl(options.url!);
  if ('error' in target) return { cluster, stdout: '', stderr: quiet ? '' : target.error, exitCode: target.code };
  const ip = resolve(target.host);
  const verbose: string[] = [];
  if (!ip) {
    const message = `curl: (6) Could not resolve host: ${target.host}\n`;
    if (options.verbose) verbose.push(`* Could not resolve host: ${target.host}`, '* Closing connection 0');
    return { cluster, stdout: '', stderr: joinVerbose(verbose) + (quiet ? '' : message), exitCode: 6 };
  }
  if (options.verbose) verbose.push(`*   Trying ${ip}:${target.port}...`);
  const method = options.head ? 'HEAD' : 'GET';
  // One routing computation for curl and trace: curl reads how the connection ends off the trace.
  const { cluster: routed, trace: traced } = trace(cluster, { from: 'outside', ip, port: target.port, http: { method, path: target.path } });
  // A request stopped before kube-proxy (the cloud firewall) still aimed at a service: the one
  // that owns this node port on a node's address.
  const aimedAt = nodeWithAddress(cluster, ip) ? serviceOnNodePort(cluster, target.port)?.service : undefined;
  const service = (traced.service ?? aimedAt)?.metadata.name;
  const request: RequestRecord = { ...(service ? { service } : {}), outcome: traced.outcome.kind };
  const failure = (text: string, code: number, after: Cluster): CommandResult => {
    if (options.verbose) verbose.push(`* ${text.replace(/^curl: \(\d+\) /, '')}`, '* Closing connection 0');
    return { cluster: after, stdout: '', stderr: joinVerbose(verbose) + (quiet ? '' : `${text}\n`), exitCode: code, request };
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
  if (target.scheme === 'https') {
    // The server speaks plain HTTP; curl's TLS handshake reads an HTTP answer instead.
    return failure(`curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number`, 35, routed);
  }
  const { response } = outcome;
  const logged = logRequest(routed, traced, method, target.path);
  if (options.verbose) {
    verbose.push(`> ${method} ${target.path} HTTP/1.1`, `> Host: ${target.authority}`, `> User-Agent: curl/${VERSION}`, '> Accept: */*', '>');
    verbose.push(`< HTTP/1.1 ${response.status} ${response.reason}`);
    append(verbose, response.headers.map(([k, v]) => `< ${k}: ${v}`));
    verbose.push('<');
  }
  const head = `HTTP/1.1 ${response.status} ${response.reason}\n${response.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n`;
  const stdout = (options.head || options.include ? head : '') + (options.head ? '' : response.body);
  const closing = options.verbose ? `* Connection #0 to host ${target.host} left intact\n` : '';
  // -v writes the exchange, then the page arrives, then curl says it kept the connection.
  const output: OutputChunk[] = [
    { stream: 'stderr', text: joinVerbose(verbose) },
    { stream: 'stdout', text: stdout },
    { stream: 'stderr', text: closing },
  ];
  return { cluster: logged, stdout, stderr: joinVerbose(verbose) + closing, exitCode: 0, output, request };
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
  const result = appendAccessLog(cluster, outcome.server.pod.metadata.name, entry);
  return result.ok ? result.cluster : cluster;
}
