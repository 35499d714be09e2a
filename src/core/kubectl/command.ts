// What every kubectl command gets and gives back.

import type { Cluster } from '../cluster/index.js';
import type { FlagSpec, ParsedArgs } from './flags.js';

export interface FileError {
  readonly error: 'not-found' | 'is-directory' | 'unreadable';
}

export interface KubectlIO {
  /** The file's text, or why it cannot be read. */
  readFile(path: string): string | FileError;
}

export interface KubectlResult {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface CommandContext {
  readonly cluster: Cluster;
  readonly io: KubectlIO;
  readonly parsed: ParsedArgs;
  /** `kubectl get`, `kubectl create service nodeport`: used in usage messages. */
  readonly path: string;
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

/** Collects a command's output. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;

  out(text: string): void {
    this.stdout += text.endsWith('\n') || text === '' ? text : `${text}\n`;
  }

  err(text: string, fail = true): void {
    this.stderr += text.endsWith('\n') || text === '' ? text : `${text}\n`;
    if (fail) this.exitCode = 1;
  }

  result(cluster: Cluster): KubectlResult {
    return { cluster, stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}

export function fail(cluster: Cluster, stderr: string, exitCode = 1): KubectlResult {
  return { cluster, stdout: '', stderr, exitCode };
}

export function ok(cluster: Cluster, stdout: string, stderr = ''): KubectlResult {
  return { cluster, stdout, stderr, exitCode: 0 };
}
