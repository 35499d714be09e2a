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
