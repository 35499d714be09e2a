// Error text as kubectl prints it (cmd/util/helpers.go: CheckErr, StandardErrorMessage,
// MultilineError; templates.FlagErrorFunc; UsageErrorf).

import { formatFieldError, type ApiError } from '../cluster/index.js';

/** Status text for an API error, optionally with the `error when creating "FILE": ` source. */
export function apiErrorText(error: ApiError, source?: { verb: string; file: string }): string {
  if (error.kind === 'Invalid') {
    // kubectl names the kind from the Status details, without its group (cmd/util/helpers.go checkErr).
    const header = `The ${(error.objectKind ?? '').split('.')[0]} "${error.objectName ?? ''}" is invalid`;
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const cause of error.causes) {
      const line = formatFieldError(cause);
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
    }
    if (lines.length === 0) return `${header}\n`;
    if (lines.length === 1) return `${header}: ${lines[0]}\n`;
    return `${header}: \n${lines.map((l) => `* ${l}\n`).join('')}`;
  }
  const message = source ? `error when ${source.verb} "${source.file}": ${error.message}` : error.message;
  return `Error from server (${error.kind}): ${message}\n`;
}

/**
 * The Status message the API server sends (apimachinery errors.NewInvalid: `Kind "name" is invalid: `
 * then one cause, or several in brackets); a client that wraps the error prints this text.
 */
export function statusMessage(error: ApiError): string {
  if (error.kind !== 'Invalid' || error.causes.length === 0) return error.message;
  const causes = error.causes.map(formatFieldError);
  return `${error.message}: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`;
}

/** A plain client-side error: `error: ...` */
export function clientError(message: string): string {
  const text = message.startsWith('error: ') ? message : `error: ${message}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** cmdutil.UsageErrorf */
export function usageError(commandPath: string, message: string): string {
  return clientError(`${message}\nSee '${commandPath} -h' for help and examples`);
}

/** templates.FlagErrorFunc, then CheckErr's `error: ` prefix. */
export function flagError(commandPath: string, message: string): string {
  return clientError(`${message}\nSee '${commandPath} --help' for usage.`);
}
