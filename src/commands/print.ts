// `nodeport-lab print [LESSON]`: the course as plain text.
import type { Course } from '../core/course/model.js';
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
  const matches = (id: string, number: number) => which === undefined || which === id || which === String(number);
  const found = course.lessons.some((lesson, i) => matches(lesson.id, i + 1));
  if (!found) {
    const known = course.lessons.map((l, i) => `${i + 1} ${l.id}`).join(', ');
    err(visibleControls(`nodeport-lab: no lesson "${which}" (lessons: ${known})`));
    return 2;
  }
  const manifests = courseManifests(course);
  const files = { readFile: (path: string) => manifests.get(path) ?? manifests.get(path.replace(/^\.\//, '')) ?? { error: 'not-found' as const } };
  out(visibleControls(courseText(course, columns, (lesson, number) => matches(lesson.id, number), { seed, files })));
  return 0;
}
