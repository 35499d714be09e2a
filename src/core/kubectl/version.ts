// kubectl version and kubectl cluster-info

import { nodeAddress, type Cluster } from '../cluster/index.js';
import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { clientError } from './errors.js';
import { flagBool, flagValue } from './flags.js';
import { toGoYaml, type JsonValue } from './go-yaml.js';
import { CLUSTER_INFO_HELP, VERSION_HELP } from './help.js';

const KUSTOMIZE = 'v5.5.0';

export function versionInfo(gitVersion: string): { [key: string]: JsonValue } {
  const [major = '1', minor = '32'] = gitVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion,
    gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
    gitTreeState: 'clean',
    buildDate: '2025-02-12T21:26:09Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function indentJson(value: JsonValue, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + indentJson(v, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value)
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${indentJson(v, inner)}`)
    .join(',\n')}\n${indent}}`;
}

function versionRun(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const version = cluster.config.kubernetesVersion;
  const clientOnly = flagBool(parsed, 'client');
  const output = flagValue(parsed, 'output');
  const data: { [key: string]: JsonValue } = { clientVersion: versionInfo(version), kustomizeVersion: KUSTOMIZE };
  if (!clientOnly) data.serverVersion = versionInfo(version);
  if (output === 'json') return { cluster, stdout: `${indentJson(data)}\n`, stderr: '', exitCode: 0 };
  if (output === 'yaml') return { cluster, stdout: toGoYaml(data), stderr: '', exitCode: 0 };
  if (output !== undefined && output !== '') return fail(cluster, clientError(`--output must be 'yaml' or 'json'`));
  let text = `Client Version: ${version}\nKustomize Version: ${KUSTOMIZE}\n`;
  if (!clientOnly) text += `Server Version: ${version}\n`;
  return { cluster, stdout: text, stderr: '', exitCode: 0 };
}

export function apiServerUrl(cluster: Cluster): string {
  const cp = cluster.nodes.find((n) => 'node-role.kubernetes.io/control-plane' in n.metadata.labels);
  return `https://${(cp && nodeAddress(cp, 'InternalIP')) ?? '127.0.0.1'}:${cluster.config.apiServerPort}`;
}

function clusterInfoRun(ctx: CommandContext): KubectlResult {
  const { cluster } = ctx;
  const url = apiServerUrl(cluster);
  const text =
    `Kubernetes control plane is running at ${url}\n` +
    `CoreDNS is running at ${url}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n` +
    "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  return { cluster, stdout: text, stderr: '', exitCode: 0 };
}

export const versionCommand: CommandDef = {
  name: 'version',
  flags: [
    { name: 'client', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: VERSION_HELP,
  run: versionRun,
};

export const clusterInfoCommand: CommandDef = {
  name: 'cluster-info',
  flags: [],
  help: CLUSTER_INFO_HELP,
  run: clusterInfoRun,
};
