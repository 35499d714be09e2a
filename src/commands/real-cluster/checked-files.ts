// The manifests the guard checked, handed to the real kubectl exactly as they were checked. The
// guard reads a `-f` file, then kubectl would read it again: a file changed in between would run
// unchecked. So each path of `-f` becomes a private copy of the text the guard read (a folder of
// mode 0700, files of mode 0600, removed after the run), a folder becomes a copy of the manifests
// read from it, and a path that was not there stays missing; kubectl's messages name the learner's
// path again, not the copy's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, normalize } from 'node:path';
import type { FileArg } from '../../core/real-cluster/ownership.js';

/** What the guard read at a `-f` path. */
export type Checked =
  | { readonly kind: 'file'; readonly text: string }
  | { readonly kind: 'folder'; readonly manifests: readonly { readonly name: string; readonly text: string }[] }
  | { readonly kind: 'missing' };

export interface Handed {
  /** The words to run: every `-f` path replaced by its private copy. */
  readonly args: readonly string[];
  /** kubectl's output with each copy's path back as the learner wrote it. */
  readonly named: (text: string) => string;
  /** Removes the copies. */
  readonly dispose: () => void;
}

/** A name that cannot split kubectl's comma list or leave its folder. */
const safeName = (path: string): string => basename(path).replace(/[,"/\\]/g, '_') || 'manifest';

/**
 * Writes the checked texts under `root` and rewrites `args` to them. `checked` gives what the guard
 * read at each path; a path it did not read counts as missing (kubectl then says it does not exist).
 */
export function handChecked(args: readonly string[], files: readonly FileArg[], checked: (path: string) => Checked | undefined, root: string): Handed {
  if (files.length === 0) return { args, named: (text) => text, dispose: () => undefined };
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const dir = mkdtempSync(join(root, 'run-'));
  const back: [copy: string, learner: string][] = [];
  const out = [...args];
  let n = 0;
  for (const file of files) {
    const copies = file.paths.map((path) => {
      const place = join(dir, String(n++));
      mkdirSync(place, { mode: 0o700 });
      const copy = join(place, safeName(path));
      const read = checked(path) ?? { kind: 'missing' };
      if (read.kind === 'file') writeFileSync(copy, read.text, { mode: 0o600 });
      if (read.kind === 'folder') {
        mkdirSync(copy, { mode: 0o700 });
        for (const manifest of read.manifests) writeFileSync(join(copy, safeName(manifest.name)), manifest.text, { mode: 0o600 });
      }
      // kubectl names a folder's files as the folder joined with the name, cleaned (Go's
      // filepath.Join): `./manifests/` reads as `manifests/web.yml`.
      back.push([copy, read.kind === 'folder' ? normalize(path).replace(/(.)\/+$/, '$1') : path]);
      return copy;
    });
    out[file.word] = `${file.prefix}${copies.join(',')}`;
  }
  return {
    args: out,
    named: (text) => back.reduce((said, [copy, learner]) => said.split(copy).join(learner), text),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
