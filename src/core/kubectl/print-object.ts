// Printing the object a command made: `pod/x created`, or the object with -o.

import type { Cluster } from '../cluster/index.js';
import type { KubectlResult } from './command.js';
import { fail } from './command.js';
import { clientError } from './errors.js';
import type { JsonValue } from './go-yaml.js';
import { printData, type OutputFormat } from './output-format.js';

export function printResult(
  cluster: Cluster,
  format: OutputFormat,
  ref: string,
  action: string,
  object: () => JsonValue,
  sortKeys: boolean,
  stderr = '',
): KubectlResult {
  if (format.kind === 'name') return { cluster, stdout: `${ref}\n`, stderr, exitCode: 0 };
  if (format.kind === 'default' || format.kind === 'wide') return { cluster, stdout: `${ref} ${action}\n`, stderr, exitCode: 0 };
  const printed = printData(format, object(), sortKeys);
  if (!printed.ok) return fail(cluster, stderr + clientError(printed.error));
  return { cluster, stdout: printed.text, stderr, exitCode: 0 };
}
