// `ls [-l] [-a] [-1] [-C] [PATH...]`: the course's folder as GNU ls shows it (on a terminal, names
// in columns, quoted where the shell would need it; into a pipe or a file, one a line as they are;
// sorted; `-l` a long listing; a missing path refused with exit status 2). The folder has no
// sub-folders, and nothing outside it can be listed.
import { visibleControls } from '../visible-controls.js';
import { largest } from '../append.js';
import type { FileCommandResult } from './cat.js';
import { parseOptions } from './file-options.js';
import { lookUp, type FolderFiles } from './folder.js';
import type { OutputChunk } from './result.js';

/** The width ls lays its columns out for when it knows no terminal's (GNU ls: COLUMNS unset, no window size). */
const DEFAULT_WIDTH = 80;
const OWNER = 'learner';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Listed {
  readonly name: string;
  /** Absent for a folder (`.`, `..`). */
  readonly size?: number;
}

/**
 * A name as ls shows it: on a terminal quoted when the shell would need it (quoting style
 * shell-escape), into a pipe as it is (literal); control characters made visible either way.
 */
function shownName(name: string, piped = false): string {
  const safe = visibleControls(name);
  return piped || /^[\w.+\-:,@%=]+$/.test(name) ? safe : `'${safe.replace(/'/g, `'\\''`)}'`;
}

/**
 * ls -C: down the columns first, as many columns as fit with two spaces between. As in GNU ls
 * (ls.c, calculate_columns: `line_len < line_length`), a row must be shorter than the terminal,
 * never as wide as it, so the last column of the window stays free.
 */
function columns(names: readonly string[], width: number): string {
  if (names.length === 0) return '';
  for (let cols = names.length; cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++)
      widths.push(
        largest(
          names.slice(c * rows, (c + 1) * rows).map((n) => n.length),
          0,
        ),
      );
    const total = widths.reduce((sum, w, c) => sum + w + (c === cols - 1 ? 0 : 2), 0);
    if (total >= width) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < cols; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const next = names[(c + 1) * rows + r];
        cells.push(next === undefined ? name : name.padEnd((widths[c] ?? 0) + 2));
      }
      lines.push(`${cells.join('')}\n`);
    }
    return lines.join('');
  }
  return names.map((n) => `${n}\n`).join('');
}

/** `Dec  7 10:16`: the time ls -l shows for a file changed in the last six months. */
function stamp(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Blocks of 1 KiB a file takes on a file system of 4 KiB blocks, as `total` counts them. */
const blocks = (entry: Listed): number => (entry.size === undefined ? 4 : Math.ceil(entry.size / 4096) * 4);

function long(entries: readonly Listed[], modified: number, withTotal: boolean, piped: boolean): string {
  const sizes = entries.map((e) => String(e.size ?? 4096));
  const width = largest(
    sizes.map((s) => s.length),
    0,
  );
  const total = entries.reduce((sum, e) => sum + blocks(e), 0);
  const lines = entries.map((e, i) => {
    const mode = e.size === undefined ? 'drwxr-xr-x' : '-rw-r--r--';
    const links = e.name === '..' ? 3 : e.size === undefined ? 2 : 1;
    return `${mode} ${links} ${OWNER} ${OWNER} ${(sizes[i] ?? '').padStart(width)} ${stamp(modified)} ${shownName(e.name, piped)}\n`;
  });
  return `${withTotal ? `total ${total}\n` : ''}${lines.join('')}`;
}

const bytes = (text: string): number => new TextEncoder().encode(text).length;

const byName = (a: Listed, b: Listed): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Where ls writes: a terminal of so many columns, or a pipe. */
type Destination = number | 'pipe';

function render(entries: readonly Listed[], letters: ReadonlySet<string>, modified: number, inFolder: boolean, output: Destination): string {
  const sorted = [...entries].sort(byName);
  const piped = output === 'pipe';
  if (letters.has('l')) return long(sorted, modified, inFolder, piped);
  const names = sorted.map((e) => shownName(e.name, piped));
  // ls.c: one per line into a pipe unless -C asks for columns (COLUMNS unset: 80 wide).
  const oneALine = letters.has('1') || (piped && !letters.has('C'));
  return oneALine ? names.map((n) => `${n}\n`).join('') : columns(names, piped ? DEFAULT_WIDTH : output);
}

/**
 * `modified`: when the folder's files were written (the cluster's start, so ls -l reads the same
 * each time); `destination`: the terminal's columns, which ls fills as GNU ls fills the window it runs in,
 * or `pipe` when its output is not a terminal.
 */
export function ls(files: FolderFiles, args: readonly string[], modified: number, destination: Destination = DEFAULT_WIDTH): FileCommandResult {
  const parsed = parseOptions('ls', args, 'la1C');
  if (!parsed.ok) return { exitCode: 2, output: [{ stream: 'stderr', text: parsed.error }] };
  const operands = parsed.operands.length ? parsed.operands : ['.'];
  const errors: OutputChunk[] = [];
  const named: Listed[] = [];
  const folders: string[] = [];
  for (const operand of operands) {
    const entry = lookUp(files, operand);
    if (entry.kind === 'folder') folders.push(operand);
    else if (entry.kind === 'file') named.push({ name: operand, size: bytes(entry.text) });
    else {
      const why = entry.kind === 'not-a-folder' ? 'Not a directory' : 'No such file or directory';
      errors.push({ stream: 'stderr', text: `ls: cannot access '${visibleControls(operand)}': ${why}\n` });
    }
  }
  // Names that start with a dot are hidden unless -a asks for everything (ls.c, file_ignored). A
  // folder is listed only when one was named, and its files are read only for -l's sizes.
  const contents: Listed[] = [];
  if (folders.length > 0) {
    for (const name of files.names()) {
      if (!parsed.letters.has('a') && name.startsWith('.')) continue;
      const text = parsed.letters.has('l') ? files.read(name) : '';
      contents.push({ name, size: typeof text === 'string' ? bytes(text) : 0 });
    }
    if (parsed.letters.has('a')) contents.push({ name: '.' }, { name: '..' });
  }
  const sections: string[] = [];
  if (named.length) sections.push(render(named, parsed.letters, modified, false, destination));
  const headed = operands.length > 1;
  for (const folder of [...folders].sort())
    sections.push(`${headed ? `${visibleControls(folder)}:\n` : ''}${render(contents, parsed.letters, modified, true, destination)}`);
  const output: OutputChunk[] = [...errors];
  const text = sections.join('\n');
  if (text) output.push({ stream: 'stdout', text });
  return { exitCode: errors.length ? 2 : 0, output };
}
