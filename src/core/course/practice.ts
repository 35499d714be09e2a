// Hands-on practice inside a lesson: one simulated cluster per lesson, what the learner ran in
// each step, the hints they asked for, and the prompt they type into. Pure: the course reducer
// calls these with the time that passed, and gets new state back.
import { runSolution } from './replay.js';
import type { Cluster } from '../cluster/index.js';
import type { KubectlIO } from '../kubectl/index.js';
import { complete } from '../shell/complete.js';
import { beforeCursor, edit, emptyEditor, type EditAction, type Editor } from '../shell/line-editor.js';
import { newShell, runLine, type ShellState } from '../shell/shell.js';
import { answerOf } from '../kubectl/answer.js';
import type { Attempt } from './goals.js';
import type { DoStep, Lesson } from './model.js';
import { nearMiss } from './near-miss.js';
import { getOwn } from '../own.js';

/** A command the learner ran in a step, and what it printed. */
export interface Entry extends Attempt {
  readonly output: string;
}

export interface LessonPractice {
  readonly shell: ShellState;
  /** The cluster as each step was left, so going back shows what the learner saw there. */
  readonly left: Readonly<Record<string, ShellState>>;
  /** What each step shows in its terminal: `clear` empties it. */
  readonly entries: Readonly<Record<string, readonly Entry[]>>;
  /** Everything the learner ran in each step, which goals are judged on: `clear` never forgets it. */
  readonly seen?: Readonly<Record<string, readonly Attempt[]>>;
  /** Per step, one line on why the last command came close to the goal but missed it. */
  readonly nearMiss?: Readonly<Record<string, string>>;
  readonly hints: Readonly<Record<string, number>>;
}

/** What the learner ran in a step, for its goal: all of it, whatever was cleared from the screen. */
export function attemptsIn(practice: LessonPractice, step: string): readonly Attempt[] {
  return getOwn(practice.seen, step) ?? getOwn(practice.entries, step) ?? [];
}

export interface Prompt {
  readonly editor: Editor;
  /** Completions offered by the last Tab, until the next key. */
  readonly candidates: readonly string[];
}

export const emptyPrompt: Prompt = { editor: emptyEditor, candidates: [] };

/** A lesson's own cluster: a fresh one from the course seed, after the lesson's setup commands. */
export function startPractice(lesson: Lesson, seed: number, files: KubectlIO): LessonPractice {
  let shell = newShell(seed);
  for (const line of lesson.setup) shell = runLine(shell, line, files, 1000).state;
  return { shell: { ...shell, history: [] }, left: {}, entries: {}, seen: {}, nearMiss: {}, hints: {} };
}

/**
 * A lesson's cluster for a learner who comes back to it at a later step (the resume offer, after a
 * restart): made fresh, then each earlier practice step they finished is done again by its first
 * solution, so what those steps made (a pod, a Service) is there as they left it. Also says how
 * many steps were done again.
 */
export function resumePractice(
  lesson: Lesson,
  step: number,
  finished: readonly string[],
  seed: number,
  files: KubectlIO,
): { practice: LessonPractice; replayed: number } {
  const fresh = startPractice(lesson, seed, files);
  let shell = fresh.shell;
  let replayed = 0;
  for (const earlier of lesson.steps.slice(0, Math.max(0, step))) {
    if (earlier.kind !== 'do' || !finished.includes(earlier.id)) continue;
    // As lint replays them (replay.ts), so the cluster is the one lint checked.
    const lines = earlier.solutions?.[0] ?? [];
    shell = runSolution(shell, lines, files).state;
    if (lines.length > 0) replayed++;
  }
  return { practice: { ...fresh, shell: { ...shell, history: [] } }, replayed };
}

export function leaveStep(practice: LessonPractice, step: string): LessonPractice {
  return { ...practice, left: { ...practice.left, [step]: practice.shell } };
}

/** Going back to a step restores the cluster as the learner left it there. */
export function returnToStep(practice: LessonPractice, step: string): LessonPractice {
  const saved = getOwn(practice.left, step);
  return saved ? { ...practice, shell: saved } : practice;
}

export function showHint(practice: LessonPractice, step: string, available: number): LessonPractice {
  const shown = Math.min(available, (getOwn(practice.hints, step) ?? 0) + 1);
  return { ...practice, hints: { ...practice.hints, [step]: shown } };
}

/**
 * Runs a line typed in a step's prompt; `hint` asks for the next hint instead. Given the step, a
 * command that comes close to its goal but misses gets a line on why (see nearMiss).
 */
export function runPractice(
  practice: LessonPractice,
  step: string,
  line: string,
  files: KubectlIO,
  elapsedMs: number,
  hints: number,
  doStep?: DoStep,
): LessonPractice {
  const text = line.trim();
  if (text === '') return practice;
  if (text === 'hint') return showHint(practice, step, hints);
  const result = runLine(practice.shell, text, files, elapsedMs);
  const output = result.output.map((c) => c.text).join('');
  const answer = answerOf(result.exitCode, result.stderr);
  const attempt: Attempt = { line: text, ...(result.request ? { request: result.request } : {}), answer };
  const entry: Entry = { ...attempt, output };
  const entries = result.clear ? [] : [...(getOwn(practice.entries, step) ?? []), entry];
  const seen = [...attemptsIn(practice, step), attempt];
  const miss = doStep ? nearMiss(doStep, attempt, practice.shell.cluster, result.state.cluster, seen) : null;
  const otherMisses = Object.fromEntries(Object.entries(practice.nearMiss ?? {}).filter(([id]) => id !== step));
  return {
    ...practice,
    shell: result.state,
    entries: { ...practice.entries, [step]: entries },
    seen: { ...practice.seen, [step]: seen },
    nearMiss: miss ? { ...otherMisses, [step]: miss } : otherMisses,
  };
}

export function editPrompt(prompt: Prompt, action: EditAction): Prompt {
  return { editor: edit(prompt.editor, action), candidates: [] };
}

export function completePrompt(prompt: Prompt, cluster: Cluster, files: readonly string[]): Prompt {
  const before = beforeCursor(prompt.editor);
  const completion = complete(before, cluster, files);
  if (completion.line !== before) return { editor: edit(prompt.editor, { type: 'replace', text: completion.line }), candidates: [] };
  return { ...prompt, candidates: completion.candidates.length > 1 ? completion.candidates : [] };
}
