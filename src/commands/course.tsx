// The course on a terminal: load progress, draw the app, keep the terminal sane on every way out.
import { render } from 'ink';
import type { Course } from '../core/course/model.js';
import type { Progress } from '../core/progress/model.js';
import { loadProgress, progressFile, saveProgress } from '../core/progress/store.js';
import { App } from '../ui/App.js';
import { DisplayContext, type Display } from '../ui/display.js';

export async function runCourse(course: Course, home: string, display: Display): Promise<number> {
  const file = progressFile(home);
  const loaded = loadProgress(file);
  const save = (progress: Progress) => {
    const result = saveProgress(file, progress);
    return result.ok ? null : result.message;
  };
  const app = render(
    <DisplayContext.Provider value={display}>
      <App course={course} progress={loaded.progress} notice={loaded.notice} saveProgress={save} />
    </DisplayContext.Provider>,
    { exitOnCtrlC: false, patchConsole: false },
  );
  let signalled: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    signalled = signal === 'SIGTERM' ? 143 : signal === 'SIGHUP' ? 129 : 130;
    app.unmount();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await app.waitUntilExit();
  } catch (error) {
    process.stderr.write(`nodeport-lab: something went wrong: ${(error as Error).message}\nYour progress is saved.\n`);
    return 1;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
  }
  return signalled ?? 0;
}
