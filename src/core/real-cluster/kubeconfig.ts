// A kubeconfig as kubectl reads it: its contexts, the current one, and for a context the cluster's
// server, its default namespace and how the user signs in. Pure: the text is handed in.
import { yaml } from '../yaml.js';
import { getOwn } from '../own.js';

/** How a context's user proves who it is (what the lab's own API client can and cannot do). */
export type Credentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | { readonly kind: 'certificate'; readonly cert: string; readonly key: string }
  /** An exec plugin or auth provider (cloud logins): only kubectl itself can sign these in. */
  | { readonly kind: 'plugin'; readonly command: string };

export interface ContextInfo {
  readonly name: string;
  readonly cluster: string;
  readonly user: string;
  readonly server: string;
  /** The context's namespace; `default` when it names none. */
  readonly namespace: string;
  /** The cluster's CA, PEM text (from certificate-authority-data), when given inline. */
  readonly caData?: string;
  readonly insecure: boolean;
  readonly credentials: Credentials;
}

export interface Kubeconfig {
  readonly contexts: readonly string[];
  readonly currentContext: string | undefined;
  readonly raw: Readonly<Record<string, unknown>>;
}

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (o: Obj | undefined, key: string): string | undefined => {
  const v = o ? getOwn(o, key) : undefined;
  return typeof v === 'string' ? v : undefined;
};
const list = (o: Obj, key: string): Obj[] => {
  const v = getOwn(o, key);
  return Array.isArray(v) ? v.filter(isObj) : [];
};
const named = (items: readonly Obj[], name: string, inner: string): Obj | undefined => {
  const item = items.find((i) => str(i, 'name') === name);
  const value = item ? getOwn(item, inner) : undefined;
  return isObj(value) ? value : undefined;
};
const base64 = (text: string): string => Buffer.from(text, 'base64').toString('utf8');

export function readKubeconfig(text: string): Read<Kubeconfig> {
  let raw: unknown;
  try {
    raw = yaml().parse(text, { maxAliasCount: 10 });
  } catch (error) {
    return { ok: false, message: `the kubeconfig is not YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  if (raw === null || raw === undefined) raw = {};
  if (!isObj(raw)) return { ok: false, message: 'the kubeconfig is not a map of settings' };
  const contexts = list(raw, 'contexts')
    .map((c) => str(c, 'name'))
    .filter((n): n is string => n !== undefined);
  const current = str(raw, 'current-context');
  return { ok: true, value: { contexts, currentContext: current === '' ? undefined : current, raw } };
}

function credentialsOf(user: Obj | undefined): Credentials {
  if (!user) return { kind: 'none' };
  const exec = getOwn(user, 'exec');
  if (isObj(exec)) return { kind: 'plugin', command: str(exec, 'command') ?? 'exec plugin' };
  const provider = getOwn(user, 'auth-provider');
  if (isObj(provider)) return { kind: 'plugin', command: str(provider, 'name') ?? 'auth provider' };
  const token = str(user, 'token');
  if (token) return { kind: 'token', token };
  const username = str(user, 'username');
  const password = str(user, 'password');
  if (username !== undefined && password !== undefined) return { kind: 'basic', username, password };
  const cert = str(user, 'client-certificate-data');
  const key = str(user, 'client-key-data');
  if (cert && key) return { kind: 'certificate', cert: base64(cert), key: base64(key) };
  return { kind: 'none' };
}

/** A context (the current one when no name is given), with its cluster and user resolved. */
export function contextInfo(config: Kubeconfig, name?: string): Read<ContextInfo> {
  const wanted = name ?? config.currentContext;
  if (wanted === undefined) return { ok: false, message: 'the kubeconfig has no current context; name one: --cluster CONTEXT' };
  const context = named(list(config.raw, 'contexts'), wanted, 'context');
  if (!context) {
    const known = config.contexts.length ? ` (contexts: ${config.contexts.join(', ')})` : '';
    return { ok: false, message: `no context "${wanted}" in the kubeconfig${known}` };
  }
  const clusterName = str(context, 'cluster') ?? '';
  const userName = str(context, 'user') ?? '';
  const cluster = named(list(config.raw, 'clusters'), clusterName, 'cluster');
  const server = str(cluster, 'server');
  if (!cluster || !server) return { ok: false, message: `context "${wanted}" names cluster "${clusterName}", which has no server in the kubeconfig` };
  const ca = str(cluster, 'certificate-authority-data');
  return {
    ok: true,
    value: {
      name: wanted,
      cluster: clusterName,
      user: userName,
      server,
      namespace: str(context, 'namespace') || 'default',
      ...(ca ? { caData: base64(ca) } : {}),
      insecure: getOwn(cluster, 'insecure-skip-tls-verify') === true,
      credentials: credentialsOf(named(list(config.raw, 'users'), userName, 'user')),
    },
  };
}
