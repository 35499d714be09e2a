// What a scripted sandbox (`... | nodeport-lab sandbox`) needs, and nothing else: the shell and
// the course's manifests. Kept apart from plain.ts so that a one-line script neither loads nor
// compiles print's, lint's and the quiz's code (bench/README.md: start-up by command).
export { loadCourseFrom } from './course-source.js';
export { randomSeed, runScript } from './sandbox.js';
export { courseManifests, sandboxFiles } from './sandbox-files.js';
