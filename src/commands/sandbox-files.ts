// The files the sandbox's kubectl can read: the course's manifests by name, and real files
// relative to the folder the learner started in (read only, size-limited).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from './node-fs.js';
import { resolve } from 'node:path';
import type { Course } from '../core/course/model.js';
import type { FolderAccess } from '../core/shell/help.js';
import { MAX_MANIFEST_BYTES, type FileError, type KubectlIO } from '../core/kubectl/index.js';

/** The manifests the lessons show, by file name. */
export function courseManifests(course: Course): Map<string, string> {
  const files = new Map<string, string>();
  for (const lesson of course.lessons) {
    for (const step of lesson.steps) {
      if (step.kind === 'manifest') files.set(step.file, step.source);
    }
  }
  return files;
}

/**
 * The sandbox's files: the course's manifests first, then the folder. The manifests may be given
 * as a function, called on the first file a command names (a scripted sandbox reads the course only then).
 */
export function sandboxFiles(manifests: ReadonlyMap<string, string> | (() => ReadonlyMap<string, string>), cwd: string): KubectlIO & FolderAccess {
  let loaded: ReadonlyMap<string, string> | undefined = typeof manifests === 'function' ? undefined : manifests;
  const course = () => (loaded ??= (manifests as () => ReadonlyMap<string, string>)());
  return {
    folder: cwd,
    readFile(path: string): string | FileError {
      const known = course().get(path) ?? course().get(path.replace(/^\.\//, ''));
      if (known !== undefined) return known;
      return readRegularFile(resolve(cwd, path));
    },
    folderFiles() {
      // ls and cat: the course's manifests and the folder's own regular files, by name only (a
      // symlink is not listed, and is not followed, so nothing outside the folder is read). The
      // folder is listed once for the command that asked.
      let listed: string[] | undefined;
      const own = (): string[] => {
        if (listed) return listed;
        try {
          listed = readdirSync(cwd, { withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => e.name);
        } catch {
          listed = [];
        }
        return listed;
      };
      return {
        names: () => [...new Set([...course().keys(), ...own()])],
        read: (name: string): string | FileError =>
          course().get(name) ?? (own().includes(name) ? readRegularFile(resolve(cwd, name), constants.O_NOFOLLOW) : { error: 'not-found' }),
      };
    },
    listDir(path: string): readonly string[] | undefined {
      try {
        const full = resolve(cwd, path);
        return readdirSync(full, { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * A regular file's text, read at most MAX_MANIFEST_BYTES + 1 bytes: opened without waiting (a
 * FIFO with no writer would block) and checked on the open file, so nothing swapped in after a
 * stat is read.
 */
function readRegularFile(full: string, extra = 0): string | FileError {
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY | extra);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : code === 'EISDIR' ? 'is-directory' : 'unreadable' };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { error: 'is-directory' };
    if (!info.isFile()) return { error: 'not-a-file' };
    if (info.size > MAX_MANIFEST_BYTES) return { error: 'too-large' };
    const buffer = Buffer.alloc(MAX_MANIFEST_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_MANIFEST_BYTES) return { error: 'too-large' };
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is-directory' : 'unreadable' };
  } finally {
    closeSync(fd);
  }
}
