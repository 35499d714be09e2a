// What every shell command gives back: the cluster after it, its output, its exit status.
import type { Cluster } from '../cluster/index.js';
import type { OutputChunk } from '../kubectl/index.js';

export type { OutputChunk };

export interface CommandResult {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Both streams in the order written; when absent, stdout came before stderr. */
  readonly output?: readonly OutputChunk[];
  /** For a request (curl): the service it went through and how it ended. */
  readonly request?: RequestRecord;
}

export interface RequestRecord {
  readonly service?: string;
  readonly outcome: 'answered' | 'refused' | 'timeout';
}

/** The output in the order a terminal shows it. */
export function chunksOf(result: Pick<CommandResult, 'stdout' | 'stderr' | 'output'>): OutputChunk[] {
  if (result.output) return result.output.filter((c) => c.text !== '');
  const chunks: OutputChunk[] = [];
  if (result.stdout) chunks.push({ stream: 'stdout', text: result.stdout });
  if (result.stderr) chunks.push({ stream: 'stderr', text: result.stderr });
  return chunks;
}
