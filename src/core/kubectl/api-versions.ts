// kubectl api-versions: every group/version a kubeadm cluster of Kubernetes 1.32 serves, sorted
// as kubectl sorts them (staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiversions.go:
// discovery's groups' versions, then sort.Strings). Besides the preferred versions that
// api-resources shows, 1.32 still serves autoscaling/v1 and flowcontrol.apiserver.k8s.io/v1beta3.

import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { API_RESOURCES } from './api-resources.js';

const ALSO_SERVED = [
  'autoscaling/v1',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'node.k8s.io/v1',
  'policy/v1',
  'rbac.authorization.k8s.io/v1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1',
];

export function apiVersions(): string[] {
  const all = new Set<string>(ALSO_SERVED);
  for (const row of API_RESOURCES) all.add(row[2]);
  // Go's sort.Strings compares bytes; so does this comparison.
  return [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function run(ctx: CommandContext): KubectlResult {
  return {
    cluster: ctx.cluster,
    stdout: apiVersions()
      .map((v) => `${v}\n`)
      .join(''),
    stderr: '',
    exitCode: 0,
  };
}

export const apiVersionsCommand: CommandDef = {
  name: 'api-versions',
  flags: [],
  help: 'Print the supported API versions on the server, in the form of "group/version".\n\nExamples:\n  # Print the supported API versions\n  kubectl api-versions\n\nUsage:\n  kubectl api-versions [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
  run,
};
