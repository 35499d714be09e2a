// What the commands that draw nothing need (print, lint, reset) and what the
// terminal's commands share with them: one module, so that cli.tsx loads it with one import and
// the bundle keeps it in one chunk. Nothing here imports Ink, React or yoga.
export { bundledLessonDir, loadCourseFrom } from './course-source.js';
export { findQuiz } from './find-quiz.js';
export { findLesson } from './find-lesson.js';
export { lint } from './lint.js';
export { print } from './print.js';
export { reset } from './reset.js';
export { randomSeed } from './sandbox.js';
export { courseManifests, sandboxFiles } from './sandbox-files.js';
export { formatProblem } from '../core/course/model.js';
export { labHome } from '../core/progress/home.js';
