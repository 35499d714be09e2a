// The course's start as a V8 start-up snapshot: an experiment (bench/README.md, "V8 start-up
// snapshot"), not part of the product. Bundled to one CommonJS file by bench/snapshot/build.mjs and
// run as `node --snapshot-blob course.blob --build-snapshot course-snapshot.cjs`: everything below is
// evaluated when the snapshot is built (the modules of Ink, React and the course, and the course
// itself, parsed), and the function given to setDeserializeMainFunction runs when a process starts
// from the blob. Yoga's WebAssembly cannot be kept in a snapshot: it is compiled at run time
// (bench/snapshot/yoga-later.ts).
import { stdioNow } from './stdio-later.js';
import { readFileSync } from 'node:fs';
import { startupSnapshot } from 'node:v8';
import { runCourse } from '../../src/commands/course.js';
import { parseOptions } from '../../src/commands/options.js';
import { parseCompiled } from '../../src/core/course/compiled.js';
import { labHome } from '../../src/core/progress/home.js';
import { loadYogaNow } from './yoga-later.js';

declare const __COURSE_JSON__: string;
const course = parseCompiled(readFileSync(__COURSE_JSON__, 'utf8'));
if (!course) throw new Error(`${__COURSE_JSON__} is not a compiled course`);

startupSnapshot.setDeserializeMainFunction(() => {
  stdioNow();
  const parsed = parseOptions(process.argv.slice(2), process.env);
  if (!parsed.ok) throw new Error(parsed.message);
  const options = parsed.options;
  loadYogaNow()
    .then(() => runCourse(course, labHome(process.env), { color: options.color, plain: options.plain }, options.seed ?? Math.floor(Math.random() * 2 ** 31)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`nodeport-lab: ${(error as Error).stack ?? String(error)}\n`);
        process.exitCode = 1;
      },
    );
});
