// The one folder `ls` and `cat` look at: the one `kubectl apply -f` reads the course's manifests
// from. A name is looked up in it only by its own name (with `./` before it, or `/` after it for
// the folder itself); an absolute path, `..` or a sub-folder is outside, and is not there.
import { isFileError, type FileError, type KubectlIO } from '../kubectl/command.js';
import type { FolderAccess } from './help.js';

/** What a name on a command line points at in the folder. */
export type FolderEntry =
  | { readonly kind: 'folder' }
  | { readonly kind: 'file'; readonly name: string; readonly text: string }
  /** A file named with a `/` after it, as if it were a folder. */
  | { readonly kind: 'not-a-folder' }
  | { readonly kind: 'missing' };

/** The folder's names as `ls` lists them, and a reader of one name in it. */
export interface FolderFiles {
  names(): readonly string[];
  read(name: string): string | FileError;
}

/**
 * Files kept on disk offer their own list (regular files only, so no symlink leads out);
 * the course's folder in memory is listed and read as kubectl -f reads it.
 */
export function folderFiles(io: KubectlIO & FolderAccess): FolderFiles {
  if (io.folderFiles) return io.folderFiles();
  return {
    names: () => io.listDir?.('.') ?? [],
    read: (name) => io.readFile(name),
  };
}

export function lookUp(files: FolderFiles, path: string): FolderEntry {
  let rest = path;
  while (rest.startsWith('./')) rest = rest.replace(/^\.\/+/, '');
  const asFolder = rest.endsWith('/');
  rest = rest.replace(/\/+$/, '');
  if (rest === '' || rest === '.') return path.startsWith('/') ? { kind: 'missing' } : { kind: 'folder' };
  if (rest.includes('/') || rest === '..') return { kind: 'missing' };
  const text = files.read(rest);
  if (isFileError(text)) return { kind: 'missing' };
  return asFolder ? { kind: 'not-a-folder' } : { kind: 'file', name: rest, text };
}
