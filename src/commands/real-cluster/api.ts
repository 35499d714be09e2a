// Reading (and, for our namespaces only, writing) the real cluster through its API: plain HTTP(S)
// with the kubeconfig's credentials. A context that signs in through an exec plugin or auth
// provider (cloud logins) is read through `kubectl get --raw` instead, which runs the plugin.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ContextInfo } from '../../core/real-cluster/kubeconfig.js';
import { runChild } from './child.js';

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface Api {
  readonly get: (path: string) => Promise<ApiAnswer>;
  readonly post: (path: string, body: object) => Promise<ApiAnswer>;
  readonly delete: (path: string) => Promise<ApiAnswer>;
}

const TIMEOUT_MS = 15_000;

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function httpApi(context: ContextInfo): Api {
  const base = new URL(context.server);
  const https = base.protocol === 'https:';
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'nodeport-lab' };
  const creds = context.credentials;
  if (creds.kind === 'token') headers.authorization = `Bearer ${creds.token}`;
  if (creds.kind === 'basic') headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
  const send = (method: string, path: string, body?: object): Promise<ApiAnswer> =>
    new Promise((resolve, reject) => {
      const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
      const payload = body ? JSON.stringify(body) : undefined;
      const options = {
        method,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) },
        timeout: TIMEOUT_MS,
        ...(https
          ? {
              ...(context.caData ? { ca: context.caData } : {}),
              ...(creds.kind === 'certificate' ? { cert: creds.cert, key: creds.key } : {}),
              rejectUnauthorized: !context.insecure,
            }
          : {}),
      };
      const req = (https ? httpsRequest : httpRequest)(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: parse(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer from ${context.server} in ${TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      req.end(payload);
    });
  return { get: (path) => send('GET', path), post: (path, body) => send('POST', path, body), delete: (path) => send('DELETE', path) };
}

/** Through kubectl, for contexts only kubectl can sign in to. */
function kubectlApi(kubectl: string, kubeconfig: string): Api {
  const env = { ...process.env, KUBECONFIG: kubeconfig };
  const answer = (run: { code: number; stdout: string; stderr: string }): ApiAnswer => {
    if (run.code === 0) return { status: 200, body: parse(run.stdout) };
    const notFound = /NotFound|not found/.test(run.stderr);
    return { status: notFound ? 404 : 500, body: { message: run.stderr.trim() } };
  };
  return {
    get: async (path) => answer(await runChild(kubectl, ['get', '--raw', path], { env, timeoutMs: TIMEOUT_MS })),
    post: async (_path, body) =>
      answer(await runChild(kubectl, ['create', '-f', '-', '-o', 'json'], { env, timeoutMs: TIMEOUT_MS, input: JSON.stringify(body) })),
    delete: async (path) => {
      const name = decodeURIComponent(path.split('/').pop() ?? '');
      return answer(await runChild(kubectl, ['delete', 'namespace', name, '--wait=false'], { env, timeoutMs: TIMEOUT_MS }));
    },
  };
}

export function apiFor(context: ContextInfo, kubectl: string, kubeconfig: string): Api {
  return context.credentials.kind === 'plugin' ? kubectlApi(kubectl, kubeconfig) : httpApi(context);
}
