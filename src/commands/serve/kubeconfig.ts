// The kubeconfig `serve` writes for the learner's own kubectl: one cluster, one user and one
// context, all named nodeport-lab, pointing at the lab's API server on the loopback.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CONTEXT = 'nodeport-lab';

export function kubeconfigText(server: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    `    server: ${server}`,
    `  name: ${CONTEXT}`,
    'contexts:',
    '- context:',
    `    cluster: ${CONTEXT}`,
    '    namespace: default',
    `    user: ${CONTEXT}`,
    `  name: ${CONTEXT}`,
    `current-context: ${CONTEXT}`,
    'preferences: {}',
    'users:',
    `- name: ${CONTEXT}`,
    '  user: {}',
    '',
  ].join('\n');
}

/** Writes the kubeconfig into the lab's folder (mode 0600) and returns its path. */
export function writeKubeconfig(home: string, server: string): string {
  mkdirSync(home, { recursive: true });
  const path = join(home, 'kubeconfig');
  writeFileSync(path, kubeconfigText(server), { mode: 0o600 });
  return path;
}

export function removeKubeconfig(path: string): void {
  rmSync(path, { force: true });
}
