// A practice step's prompt: editing and running a line in the lesson's cluster, hints, and the goal.
import { lessonFolder } from '../course/course-folder.js';
import type { Navigate, NavAction, NavState } from '../course/navigation.js';
import { checkGoal } from '../course/goals.js';
import { attemptsIn, completePrompt, editPrompt, runPractice, showHint } from '../course/practice.js';
import { currentPractice, currentStep, outputKey, withPractice } from './place.js';
import { interruptReal, submitReal } from '../course/real-world.js';

export type PracticeAction = Extract<NavAction, { type: `prompt-${string}` | 'focus' | 'hint' }>;

/** Whether the practice step on screen has met its goal (true for any other step). */
export function goalMet(state: NavState): boolean {
  const here = currentStep(state);
  const practice = currentPractice(state);
  if (!here || here.step.kind !== 'do' || !practice) return true;
  return checkGoal(here.step.goal, practice.shell.cluster, attemptsIn(practice, here.step.id)).every((p) => p.met);
}

/** The practice prompt's actions; `move` goes on to the next step on an empty line once the goal is met. */
export function practiceScreen(state: NavState, action: PracticeAction, move: Navigate): NavState {
  switch (action.type) {
    case 'prompt-edit':
      return { ...state, prompt: editPrompt(state.prompt, action.action) };
    case 'prompt-complete': {
      const practice = currentPractice(state);
      return practice ? { ...state, prompt: completePrompt(state.prompt, practice.shell.cluster, state.fileNames) } : state;
    }
    case 'prompt-interrupt':
      if (state.real?.running) return interruptReal(state, state.real);
      return state.prompt.editor.text === '' ? { ...state, quit: true } : { ...state, prompt: editPrompt(state.prompt, { type: 'clear' }) };
    case 'prompt-submit': {
      const here = currentStep(state);
      if (!here || here.step.kind !== 'do' || state.screen.kind !== 'lesson') return state;
      const line = state.prompt.editor.text;
      if (line.trim() === '') return goalMet(state) ? move(state, { type: 'next-step' }) : state;
      const { step } = here;
      const prompt = editPrompt(state.prompt, { type: 'submit' });
      // On a real cluster the line is run by the UI (use-real-cluster.ts); hint stays the course's own.
      if (state.real && line.trim() !== 'hint') {
        const sent = submitReal(state, state.real, here.lesson.id, step.id, line);
        return sent === state ? state : { ...sent, prompt, scroll: { ...sent.scroll, [outputKey(here.lesson, state.screen.step)]: 0 } };
      }
      const folder = { ...lessonFolder(state.course, state.screen.lesson, state.files), ...(action.columns ? { columns: action.columns } : {}) };
      const next = withPractice(state, here.lesson, (p) => runPractice(p, step.id, line, folder, action.elapsedMs, step.hints.length, step));
      // A new command brings the output back to its end, where its answer is.
      return { ...next, prompt, scroll: { ...next.scroll, [outputKey(here.lesson, state.screen.step)]: 0 } };
    }
    case 'focus':
      return { ...state, focus: action.to };
    case 'hint': {
      const here = currentStep(state);
      if (!here || here.step.kind !== 'do') return state;
      const { step } = here;
      return withPractice(state, here.lesson, (p) => showHint(p, step.id, step.hints.length));
    }
  }
}
