// What every kubectl command gets and gives back.

import type { Cluster } from '../cluster/index.js';
import type { FlagSpec, ParsedArgs } from './flags.js';

export interface FileError {
  readonly error: 'not-found' | 'is-directory' | 'unreadable' | 'too-large' | 'not-a-file';
}

/** Files larger than this are refused: no manifest needs more, and parsing one would stall the shell. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** What kubectl says about a -f file it cannot read (kubectl's wording where it has one). */
export function fileErrorText(file: string, error: FileError): string {
  switch (error.error) {
    case 'not-found':
      return `the path "${file}" does not exist`;
    case 'is-directory':
      return `the path "${file}" is a directory; this sandbox applies one file at a time`;
    case 'too-large':
      return `the file "${file}" is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB, more than any manifest needs`;
    case 'unreadable':
      return `open ${file}: permission denied`;
    case 'not-a-file':
      // A device or a FIFO: kubectl would read it for ever or wait for a writer.
      return `the path "${file}" is not a regular file`;
  }
}

export interface KubectlIO {
  /** The kubeconfig context's namespace: what a command without `-n` works in (absent: `default`). */
  readonly namespace?: string;
  /** The file's text, or why it cannot be read. */
  readFile(path: string): string | FileError;
  /** The names in a directory (absent: directories cannot be listed), for `-f DIR/`. */
  listDir?(path: string): readonly string[] | undefined;
}

export interface KubectlResult {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Both streams in the order they were written, where that order matters (a warning before a result). */
  readonly output?: readonly OutputChunk[];
  /** `exec -it POD -- sh`: the sandbox should open the container's shell. */
  readonly interactive?: { readonly pod: string; readonly shell: 'sh' | 'bash'; readonly namespace?: string };
}

/** A piece of output on one stream, for showing both streams in the order a terminal shows them. */
export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface CommandContext {
  readonly cluster: Cluster;
  readonly io: KubectlIO;
  readonly parsed: ParsedArgs;
  /** `kubectl get`, `kubectl create service nodeport`: used in usage messages. */
  readonly path: string;
  /** The namespace the command works in: `-n`, else the kubeconfig's, else `default`. */
  readonly namespace: string;
}

export interface CommandDef {
  readonly name: string;
  readonly flags: readonly FlagSpec[];
  /** Text printed for --help. */
  readonly help: string;
  run(ctx: CommandContext): KubectlResult;
}

export function isFileError(value: string | FileError): value is FileError {
  return typeof value !== 'string';
}

/**
 * Collects a command's output, remembering the order the two streams were written in. Each write
 * costs what it writes: the streams are joined once, when the result is taken (or read).
 */
export class Output {
  exitCode = 0;
  private readonly chunks: OutputChunk[] = [];
  private readonly joined: Record<OutputChunk['stream'], string | null> = { stdout: '', stderr: '' };

  get stdout(): string {
    return this.text('stdout');
  }

  /** `out.stdout += text` appends raw text (no newline added); `write` does the same without reading it back. */
  set stdout(value: string) {
    this.append('stdout', value);
  }

  get stderr(): string {
    return this.text('stderr');
  }

  set stderr(value: string) {
    this.append('stderr', value);
  }

  /** Appends raw text to stdout, as it is (no newline added). */
  write(text: string): void {
    this.push('stdout', text);
  }

  out(text: string): void {
    this.push('stdout', withNewline(text));
  }

  err(text: string, fail = true): void {
    this.push('stderr', withNewline(text));
    if (fail) this.exitCode = 1;
  }

  result(cluster: Cluster): KubectlResult {
    return { cluster, stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode, output: [...this.chunks] };
  }

  private push(stream: OutputChunk['stream'], text: string): void {
    if (text === '') return;
    this.chunks.push({ stream, text });
    this.joined[stream] = null;
  }

  private text(stream: OutputChunk['stream']): string {
    const cached = this.joined[stream];
    if (cached !== null) return cached;
    const text = this.chunks
      .filter((c) => c.stream === stream)
      .map((c) => c.text)
      .join('');
    this.joined[stream] = text;
    return text;
  }

  private append(stream: OutputChunk['stream'], value: string): void {
    const before = this.text(stream);
    if (!value.startsWith(before)) throw new Error('output can only be appended to');
    this.push(stream, value.slice(before.length));
  }
}

const withNewline = (text: string): string => (text.endsWith('\n') || text === '' ? text : `${text}\n`);

export function fail(cluster: Cluster, stderr: string, exitCode = 1): KubectlResult {
  return { cluster, stdout: '', stderr, exitCode };
}

export function ok(cluster: Cluster, stdout: string, stderr = ''): KubectlResult {
  return { cluster, stdout, stderr, exitCode: 0 };
}
