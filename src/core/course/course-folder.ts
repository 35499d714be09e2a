// The folder the course's practice prompt works in: the manifests the lessons show, each by its
// file name, and nothing else. kubectl reads them one by one (`-f pod-definition.yml`) or as the
// folder they are in (`-f .`, `-f ./`, with or without -R: the folder has no sub-folders).
import type { FileError, KubectlIO } from '../kubectl/command.js';

/** A path inside the folder without its `./` steps and trailing slashes: '' is the folder itself. */
function inFolder(path: string): string {
  let rest = path.trim();
  for (;;) {
    const next = rest.replace(/^\.\/+/, '').replace(/\/+$/, '');
    if (next === rest) break;
    rest = next;
  }
  return rest === '.' ? '' : rest;
}

export function courseFolder(files: ReadonlyMap<string, string>): KubectlIO {
  return {
    readFile(path: string): string | FileError {
      const name = inFolder(path);
      if (name === '') return { error: 'is-directory' };
      return files.get(name) ?? { error: 'not-found' };
    },
    listDir(path: string): readonly string[] | undefined {
      return inFolder(path) === '' ? [...files.keys()] : undefined;
    },
  };
}
