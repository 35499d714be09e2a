// What a command that takes `-f` (apply, replace) checks first, in kubectl's order: a file was
// named, the dry-run mode and the output format are known, and the files were read into documents.
import type { ParsedArgs } from './flags.js';
import { fail, type CommandContext, type KubectlResult } from './command.js';
import { dryRunOf, type DryRun } from './dry-run.js';
import { clientError } from './errors.js';
import { flagValue, flagValues } from './flags.js';
import { loadManifests, type ManifestEntry } from './manifests.js';
import { parseOutput, type OutputFormat } from './output-format.js';

export interface FileCommand {
  readonly parsed: ParsedArgs;
  readonly dry: DryRun;
  readonly format: OutputFormat;
  readonly entries: readonly ManifestEntry[];
}

/** `validate`: the command's own checks of its flags (its Validate), made before any file is read. */
export function readFileCommand(
  ctx: CommandContext,
  validate?: (dry: DryRun) => string | undefined,
): { ok: true; command: FileCommand } | { ok: false; result: KubectlResult } {
  const { parsed, cluster } = ctx;
  const refuse = (text: string) => ({ ok: false as const, result: fail(cluster, clientError(text)) });
  const files = flagValues(parsed, 'filename');
  if (files.length === 0) return refuse('must specify one of -f and -k');
  const dry = dryRunOf(parsed);
  if (!dry.ok) return refuse(dry.error);
  const format = parseOutput(flagValue(parsed, 'output'), false);
  if (!format.ok) return refuse(format.error);
  const invalid = validate?.(dry.mode);
  if (invalid !== undefined) return refuse(invalid);
  const loaded = loadManifests(ctx.io, files);
  if (!loaded.ok) return refuse(loaded.error);
  return { ok: true, command: { parsed, dry: dry.mode, format: format.format, entries: loaded.entries } };
}
