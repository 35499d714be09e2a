// `... | nodeport-lab sandbox`: the script read from standard input and answered on the standard
// descriptors (script-stdio.ts). The shipped course's manifests are read on the first file a
// command names, so a script that names none never reads dist/course.json.
import { fstatSync } from './node-fs.js';
import { courseManifests, sandboxFiles } from './sandbox-files.js';
import { hasShippedCourse, loadCourseFrom, shippedCourse } from './course-source.js';
import { randomSeed, runScript } from './sandbox.js';
import { standardInput, writerTo, written } from './script-stdio.js';

/** Runs the script; resolves with its exit status once all its output has left the process. */
export async function runPipedSandbox(seed: number | undefined, lessons: string | undefined): Promise<number> {
  let manifests: ReadonlyMap<string, string> | (() => ReadonlyMap<string, string>);
  if (lessons === undefined && hasShippedCourse()) {
    manifests = () => {
      const course = shippedCourse();
      return course ? courseManifests(course) : new Map<string, string>();
    };
  } else {
    const loaded = await loadCourseFrom(lessons);
    manifests = loaded.ok ? courseManifests(loaded.course) : new Map<string, string>();
  }
  // ls lays out its output for a terminal only when standard output is one (a character device).
  const files = { ...sandboxFiles(manifests, process.cwd()), piped: !fstatSync(1).isCharacterDevice() };
  const status = await runScript(seed ?? randomSeed(), files, standardInput(), writerTo(1), writerTo(2));
  await written();
  return status;
}
