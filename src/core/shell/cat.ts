// `cat FILE...`: a manifest from the course's folder, as GNU cat prints it. The text is the
// course's or a file's, so untrusted: its control characters are shown, never sent to the terminal.
import { visibleControls } from '../visible-controls.js';
import { parseOptions } from './file-options.js';
import { lookUp, type FolderFiles } from './folder.js';
import type { OutputChunk } from './result.js';

export interface FileCommandResult {
  readonly exitCode: number;
  readonly output: readonly OutputChunk[];
}

/** cat -n: each line numbered, right-aligned in six columns and a tab. */
function numbered(text: string, from: number): { text: string; next: number } {
  const lines = text.split('\n');
  const last = lines.pop();
  let n = from;
  const out = lines.map((line) => `${String(n++).padStart(6)}\t${line}\n`);
  if (last) out.push(`${String(n++).padStart(6)}\t${last}`);
  return { text: out.join(''), next: n };
}

export function cat(files: FolderFiles, args: readonly string[]): FileCommandResult {
  const parsed = parseOptions('cat', args, 'n');
  if (!parsed.ok) return { exitCode: 1, output: [{ stream: 'stderr', text: parsed.error }] };
  if (parsed.operands.length === 0 || parsed.operands.includes('-')) {
    return {
      exitCode: 1,
      output: [{ stream: 'stderr', text: 'cat: this prompt has no input for cat to read; name a file (cat pod-definition.yml)\n' }],
    };
  }
  const output: OutputChunk[] = [];
  let exitCode = 0;
  let line = 1;
  for (const operand of parsed.operands) {
    const shown = visibleControls(operand);
    const entry = lookUp(files, operand);
    if (entry.kind === 'file') {
      const text = parsed.letters.has('n') ? numbered(entry.text, line) : { text: entry.text, next: line };
      line = text.next;
      output.push({ stream: 'stdout', text: visibleControls(text.text) });
      continue;
    }
    exitCode = 1;
    const why = entry.kind === 'folder' ? 'Is a directory' : entry.kind === 'not-a-folder' ? 'Not a directory' : 'No such file or directory';
    output.push({ stream: 'stderr', text: `cat: ${shown}: ${why}\n` });
  }
  return { exitCode, output };
}
