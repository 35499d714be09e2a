// The files the sandbox's kubectl can read: the course's manifests by name, and real files
// relative to the folder the learner started in (read only, size-limited).
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

export function sandboxFiles(manifests: ReadonlyMap<string, string>, cwd: string): KubectlIO & FolderAccess {
  return {
    folder: cwd,
    readFile(path: string): string | FileError {
      const known = manifests.get(path) ?? manifests.get(path.replace(/^\.\//, ''));
      if (known !== undefined) return known;
      const full = resolve(cwd, path);
      try {
        const info = statSync(full);
        if (info.isDirectory()) return { error: 'is-directory' };
        if (info.size > MAX_MANIFEST_BYTES) return { error: 'too-large' };
        return readFileSync(full, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { error: code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable' };
      }
    },
    listDir(path: string): readonly string[] | undefined {
      try {
        const full = resolve(cwd, path);
        return readdirSync(full, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
      } catch {
        return undefined;
      }
    },
  };
}
