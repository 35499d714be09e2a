// Which namespace a kubectl command works in: `-n/--namespace`, else the kubeconfig context's
// namespace, else `default` (client-go's clientcmd: an empty namespace falls back the same way).

import type { KubectlIO } from './command.js';
import { flagBool, flagValue, type ParsedArgs } from './flags.js';

export const DEFAULT_NAMESPACE = 'default';

export function requestNamespace(parsed: ParsedArgs, io: KubectlIO): string {
  const flag = flagValue(parsed, 'namespace');
  if (flag !== undefined && flag !== '') return flag;
  return io.namespace !== undefined && io.namespace !== '' ? io.namespace : DEFAULT_NAMESPACE;
}

/** `-A/--all-namespaces` (only on the commands that define it). */
export const allNamespaces = (parsed: ParsedArgs): boolean => flagBool(parsed, 'all-namespaces');
