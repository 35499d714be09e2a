// `nodeport-lab print [LESSON]`: the course as plain text.
import type { Course, Lesson } from '../core/course/model.js';
import { namesLesson, noLesson } from './find-lesson.js';
import { courseText, PRINT_SEED } from '../text/course-text.js';
import { courseManifests } from './sandbox-files.js';
import { visibleControls } from '../core/visible-controls.js';

/** Prints the course; every value comes from a cluster seeded with `seed` (PRINT_SEED when none is given). */
export function print(
  course: Course,
  which: string | undefined,
  columns: number,
  out: (text: string) => void,
  err: (text: string) => void,
  seed = PRINT_SEED,
): number {
  const matches = (lesson: Lesson, number: number) => which === undefined || namesLesson(which, lesson, number - 1);
  if (!course.lessons.some((lesson, i) => matches(lesson, i + 1))) {
    err(`nodeport-lab: ${noLesson(course, which)}`);
    return 2;
  }
  const manifests = courseManifests(course);
  const files = { readFile: (path: string) => manifests.get(path) ?? manifests.get(path.replace(/^\.\//, '')) ?? { error: 'not-found' as const } };
  out(visibleControls(courseText(course, columns, matches, { seed, files })));
  return 0;
}
