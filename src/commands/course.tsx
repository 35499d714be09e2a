// The course on a terminal: load progress, draw the app, keep the terminal sane on every way out.
import { render } from 'ink';
import type { Course } from '../core/course/model.js';
import type { Place, Progress } from '../core/progress/model.js';
import { courseSeed } from '../core/progress/seed.js';
import { claimWindow, loadProgress, progressFile, progressSaver } from '../core/progress/store.js';
import { App } from '../ui/App.js';
import type { Display } from '../ui/display.js';
import type { Fault } from '../ui/Fault.js';
import { Root } from '../ui/Root.js';
import { randomSeed } from './sandbox.js';
import { courseManifests } from './sandbox-files.js';
import { untilExit } from './until-exit.js';
import type { RealLink } from '../ui/use-real-cluster.js';

export async function runCourse(
  course: Course,
  home: string,
  display: Display,
  /** `--seed`, when given; else the seed the progress keeps, or a new one that it keeps from now on. */
  given: number | undefined,
  start?: Place | { readonly openLesson: number },
  fault: Fault | null = null,
  real?: RealLink,
): Promise<number> {
  const file = progressFile(home);
  const loaded = loadProgress(file);
  const saveTo = progressSaver(file, loaded);
  const { seed, progress } = courseSeed(loaded.progress, given, randomSeed);
  const window = claimWindow(home);
  const another = window.others > 0 ? 'Another nodeport-lab window is open on this progress; both save, and neither loses what the other did.' : null;
  const notice = [loaded.notice, another].filter((n) => n !== null).join(' ') || null;
  let unsaved: string | null = null;
  const save = (progress: Progress) => {
    const result = saveTo(progress);
    unsaved = result.ok ? null : result.message;
    return unsaved;
  };
  const app = render(
    <Root display={display} fault={fault}>
      <App
        course={course}
        progress={progress}
        notice={notice}
        saveProgress={save}
        practice={{ seed, files: courseManifests(course) }}
        home={home}
        {...(start ? { start } : {})}
        {...(real ? { real } : {})}
      />
    </Root>,
    { exitOnCtrlC: false, patchConsole: false },
  );
  const status = await untilExit(app).finally(window.release);
  if (status === 1) {
    process.stderr.write(unsaved ? `${unsaved} The progress file from before this session is as it was.\n` : 'Your progress up to the last step is saved.\n');
  }
  return status;
}
