// The real kubectl 1.32 client, for tests that compare it with the simulator: where it is, how to
// run it against a kubeconfig, and how to point it at a small HTTP server of the test's own.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { tempDir } from './temp.js';
import type { RunningServer } from '../../src/commands/serve/index.js';
import { advanceClock } from '../../src/core/cluster/index.js';
import { runKubectl, type KubectlIO, type KubectlResult } from '../../src/core/kubectl/index.js';
import assert from 'node:assert/strict';

export const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

export interface RealRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export function realKubectl(args: readonly string[], kubeconfig: string, cwd?: string): Promise<RealRun> {
  return new Promise((resolve) => {
    // A discovery and HTTP cache of the kubeconfig's own, beside it: tests running side by side do
    // not share ~/.kube/cache.
    const env = { ...process.env, KUBECONFIG: kubeconfig, KUBECACHEDIR: join(dirname(kubeconfig), 'kube-cache') };
    execFile(KUBECTL ?? 'kubectl', [...args], { ...(cwd ? { cwd } : {}), env }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
      resolve({ stdout, stderr, code });
    });
  });
}

/** Starts `server` on a free port of 127.0.0.1 and writes a kubeconfig that points at it; returns its path. */
export async function kubeconfigFor(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const kubeconfig = join(tempDir('nodeport-lab-kubectl-'), 'config');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:${port}"}\n  name: fake\ncontexts:\n- context: {cluster: fake, user: u, namespace: default}\n  name: fake\ncurrent-context: fake\nusers:\n- name: u\n  user: {}\n`,
  );
  return kubeconfig;
}

/**
 * The real kubectl against a running `serve`, and the sandbox's kubectl on the server's cluster as it
 * was just before, moved to `now`: their stdout, stderr and exit codes must be equal. Returns both.
 */
export async function sameAsSandbox(
  server: RunningServer,
  args: readonly string[],
  now: number,
  dir: string,
  io: KubectlIO,
): Promise<{ readonly real: RealRun; readonly sim: KubectlResult }> {
  const live = server.cluster();
  const cluster = advanceClock(live, now - live.now);
  const real = await realKubectl(args, server.kubeconfig, dir);
  const sim = runKubectl(cluster, [...args], io);
  assert.equal(real.stdout, sim.stdout, `stdout of kubectl ${args.join(' ')}`);
  assert.equal(real.stderr, sim.stderr, `stderr of kubectl ${args.join(' ')}`);
  assert.equal(real.code, sim.exitCode);
  return { real, sim };
}
