// The kubeconfig `serve` writes for the learner's own kubectl: one cluster, one user and one
// context, pointing at the lab's API server on the loopback. The first server takes `kubeconfig`
// and the context `nodeport-lab`; a server started while that one still answers takes
// `kubeconfig-2` and `nodeport-lab-2`, and so on, so two servers side by side keep their own.
// A server removes only the file that still points at it.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';

export const CONTEXT = 'nodeport-lab';
/** How many servers may run side by side, each with its own kubeconfig. */
const MAX_SERVERS = 20;

export interface Kubeconfig {
  readonly path: string;
  readonly context: string;
}

export function kubeconfigText(server: string, context = CONTEXT): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    server: ${server}`,
    `  name: ${context}`,
    'contexts:',
    '- context:',
    `    cluster: ${context}`,
    '    namespace: default',
    `    user: ${context}`,
    `  name: ${context}`,
    `current-context: ${context}`,
    'preferences: {}',
    'users:',
    `- name: ${context}`,
    '  user: {}',
    '',
  ].join('\n');
}

/**
 * The kubeconfig's path as the learner types it in a shell (`export KUBECONFIG=...`, bash, zsh, dash
 * or fish alike): under their home it begins with "$HOME", which keeps the line short enough to
 * paste whole from a narrow window; a path a shell would split or expand is quoted.
 */
export function shellPath(path: string, home: string): string {
  // A home written with a trailing slash is left alone: "$HOME" would then read with two slashes.
  const rest = home !== '' && !home.endsWith('/') && path.startsWith(`${home}/`) ? path.slice(home.length) : undefined;
  if (rest !== undefined && !/["$`\\\n]/.test(rest)) return `"$HOME${rest}"`;
  if (/^[\w./,:@%+=-]+$/.test(path)) return path;
  return `'${path.replaceAll("'", "'\\''")}'`;
}

/** The server a kubeconfig we wrote points at, or undefined (not ours, not readable). */
function serverIn(path: string): string | undefined {
  try {
    return /^ {4}server: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(readFileSync(path, 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/** Whether something still answers at that URL (a server that did not stop cleanly leaves its file behind). */
function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${url}/version`, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Writes the kubeconfig into the lab's folder (mode 0600): `kubeconfig`, or the first of
 * `kubeconfig-2`, `kubeconfig-3`... that no running server holds.
 */
export async function writeKubeconfig(home: string, server: string): Promise<Kubeconfig> {
  mkdirSync(home, { recursive: true });
  for (let n = 1; n <= MAX_SERVERS; n++) {
    const path = join(home, n === 1 ? 'kubeconfig' : `kubeconfig-${n}`);
    const context = n === 1 ? CONTEXT : `${CONTEXT}-${n}`;
    const text = kubeconfigText(server, context);
    try {
      // Made only if missing: of two servers starting at once, one gets the name.
      writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
      return { path, context };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const held = serverIn(path);
    if (held !== undefined && held !== server && (await answers(held))) continue;
    writeFileSync(path, text, { mode: 0o600 });
    return { path, context };
  }
  throw new Error(`${MAX_SERVERS} servers already run from ${home}; stop one first`);
}

/** Removes the kubeconfig if it still points at `server` (another server may have taken the name since). */
export function removeKubeconfig(path: string, server: string): void {
  if (serverIn(path) === server) rmSync(path, { force: true });
}
