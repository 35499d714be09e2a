// `nodeport-lab cluster create|delete`: a throwaway kind cluster shaped like the lab's, only
// when kind and Docker are there (and saying so plainly when they are not).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kindConfig } from '../../core/real-cluster/kind-config.js';
import { LAB_KIND_CLUSTER, LAB_KIND_RANGE } from '../../core/real-cluster/reach.js';
import { runChild } from './child.js';

const KIND_INSTALL = 'https://kind.sigs.k8s.io/docs/user/quick-start/#installation';

/** Why kind cannot run here, or null. */
async function missingTools(env: NodeJS.ProcessEnv): Promise<string | null> {
  const kind = await runChild('kind', ['version'], { env, timeoutMs: 20_000 });
  if (kind.missing) return `kind is not on your PATH: install it (${KIND_INSTALL}), or use any cluster you have with --cluster CONTEXT.`;
  const docker = await runChild('docker', ['info', '--format', '{{.ServerVersion}}'], { env, timeoutMs: 20_000 });
  if (docker.missing)
    return 'Docker is not on your PATH: kind runs its nodes as Docker containers (install Docker, or Podman with KIND_EXPERIMENTAL_PROVIDER=podman).';
  if (docker.code !== 0) return `Docker does not answer (${docker.stderr.trim().split('\n').pop() ?? 'docker info failed'}): start it and try again.`;
  return null;
}

export async function kindCluster(
  action: string | undefined,
  out: (t: string) => void,
  err: (t: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (action !== 'create' && action !== 'delete') return (err('nodeport-lab: cluster create|delete\n'), 2);
  const missing = await missingTools(env);
  if (missing) return (err(`nodeport-lab: ${missing}\n`), 1);
  if (action === 'delete') {
    const run = await runChild('kind', ['delete', 'cluster', '--name', LAB_KIND_CLUSTER], { env });
    out(run.stdout);
    err(run.stderr);
    return run.code;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nodeport-lab-kind-'));
  try {
    const config = join(dir, 'kind.yaml');
    writeFileSync(config, kindConfig());
    err(`Creating kind cluster "${LAB_KIND_CLUSTER}": one control plane, two workers, node ports ${LAB_KIND_RANGE.from}-${LAB_KIND_RANGE.to} on localhost.\n`);
    const run = await runChild('kind', ['create', 'cluster', '--config', config], { env });
    out(run.stdout);
    err(run.stderr);
    if (run.code === 0) out(`Take the course on it: nodeport-lab --cluster kind-${LAB_KIND_CLUSTER}\n`);
    return run.code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
