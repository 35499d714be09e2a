// A command's output in a given cluster, without changing it: for lesson text that shows what
// a command would print for the learner's own objects (kubectl expose --dry-run=client -o yaml).
import type { Cluster } from '../cluster/index.js';
import { runLine } from './shell.js';

const NO_FILES = { readFile: () => ({ error: 'not-found' as const }) };

export function previewCommand(cluster: Cluster, line: string): string {
  const result = runLine({ seed: 0, cluster, history: [] }, line, NO_FILES, 0);
  return result.output
    .map((chunk) => chunk.text)
    .join('')
    .trimEnd();
}
