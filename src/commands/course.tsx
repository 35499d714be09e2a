// The course on a terminal: load progress, draw the app, keep the terminal sane on every way out.
import { render } from 'ink';
import type { Course } from '../core/course/model.js';
import type { Place, Progress } from '../core/progress/model.js';
import { loadProgress, progressFile, saveProgress } from '../core/progress/store.js';
import { App } from '../ui/App.js';
import type { Display } from '../ui/display.js';
import type { Fault } from '../ui/Fault.js';
import { Root } from '../ui/Root.js';
import { courseManifests } from './sandbox-files.js';
import { untilExit } from './until-exit.js';

export async function runCourse(course: Course, home: string, display: Display, seed: number, start?: Place, fault: Fault | null = null): Promise<number> {
  const file = progressFile(home);
  const loaded = loadProgress(file);
  let unsaved: string | null = null;
  const save = (progress: Progress) => {
    const result = saveProgress(file, progress);
    unsaved = result.ok ? null : result.message;
    return unsaved;
  };
  const app = render(
    <Root display={display} fault={fault}>
      <App course={course} progress={loaded.progress} notice={loaded.notice} saveProgress={save} practice={{ seed, files: courseManifests(course) }} {...(start ? { start } : {})} />
    </Root>,
    { exitOnCtrlC: false, patchConsole: false },
  );
  const status = await untilExit(app);
  if (status === 1) {
    process.stderr.write(unsaved ? `${unsaved} The progress file from before this session is as it was.\n` : 'Your progress up to the last step is saved.\n');
  }
  return status;
}
