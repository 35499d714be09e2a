// kubectl get collects what it could not find and reports it after printing what it found
// (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go Run: the errors of r.Infos() are returned as one
// aggregate once the table is flushed), so a terminal shows the table first, then the NotFound lines.

import type { KubectlResult, OutputChunk } from './command.js';

const isNotFound = (chunk: OutputChunk): boolean => chunk.stream === 'stderr' && chunk.text.startsWith('Error from server (NotFound): ');

export function notFoundLast(result: KubectlResult): KubectlResult {
  const chunks = result.output;
  if (!chunks || !chunks.some(isNotFound)) return result;
  return { ...result, output: [...chunks.filter((c) => !isNotFound(c)), ...chunks.filter(isNotFound)] };
}

/**
 * get --ignore-not-found: a name that does not exist is no error (get.go: r.IgnoreErrors(IsNotFound)),
 * and when nothing is found nothing is printed, not even "No resources found".
 */
export function ignoringNotFound(ctx: { readonly parsed: { readonly flags: ReadonlyMap<string, readonly string[]> } }, result: KubectlResult): KubectlResult {
  const flag = ctx.parsed.flags.get('ignore-not-found');
  if (!flag || flag[flag.length - 1] === 'false') return result;
  const kept = (result.output ?? []).filter((c) => !isNotFound(c) && !(c.stream === 'stderr' && c.text.startsWith('No resources found')));
  const stderr = kept
    .filter((c) => c.stream === 'stderr')
    .map((c) => c.text)
    .join('');
  return { ...result, output: kept, stderr, exitCode: stderr === '' ? 0 : result.exitCode };
}
