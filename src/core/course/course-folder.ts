// The folder the course's practice prompt works in: the manifests the lessons show, each by its
// file name, and nothing else. kubectl reads them one by one (`-f pod-definition.yml`) or as the
// folder they are in (`-f .`, `-f ./`, with or without -R: the folder has no sub-folders).
import type { FileError, KubectlIO } from '../kubectl/command.js';
import type { Course } from './model.js';

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

/**
 * The folder as a lesson's learner knows it: every manifest reads by name, and the folder itself
 * (`-f .`) lists those shown so far, in this lesson and the ones before it.
 */
export function lessonFolder(course: Course, lessonIndex: number, io: KubectlIO): KubectlIO {
  const shown = course.lessons.slice(0, lessonIndex + 1).flatMap((lesson) => lesson.steps.flatMap((step) => (step.kind === 'manifest' ? [step.file] : [])));
  return {
    readFile: (path) => io.readFile(path),
    listDir: (path) => (inFolder(path) === '' ? [...new Set(shown)] : undefined),
  };
}
