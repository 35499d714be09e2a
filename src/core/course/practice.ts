// Hands-on practice inside a lesson: one simulated cluster per lesson, what the learner ran in
// each step, the hints they asked for, and the prompt they type into. Pure: the course reducer
// calls these with the time that passed, and gets new state back.
import type { Cluster } from '../cluster/index.js';
import type { KubectlIO } from '../kubectl/index.js';
import { complete } from '../shell/complete.js';
import { beforeCursor, edit, emptyEditor, type EditAction, type Editor } from '../shell/line-editor.js';
import { newShell, runLine, type ShellState } from '../shell/shell.js';
import type { Attempt } from './goals.js';
import type { Lesson } from './model.js';
import { getOwn } from '../own.js';

/** A command the learner ran in a step, and what it printed. */
export interface Entry extends Attempt {
  readonly output: string;
}

export interface LessonPractice {
  readonly shell: ShellState;
  /** The cluster as each step was left, so going back shows what the learner saw there. */
  readonly left: Readonly<Record<string, ShellState>>;
  readonly entries: Readonly<Record<string, readonly Entry[]>>;
  readonly hints: Readonly<Record<string, number>>;
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
  return { shell: { ...shell, history: [] }, left: {}, entries: {}, hints: {} };
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

/** Runs a line typed in a step's prompt; `hint` asks for the next hint instead. */
export function runPractice(practice: LessonPractice, step: string, line: string, files: KubectlIO, elapsedMs: number, hints: number): LessonPractice {
  const text = line.trim();
  if (text === '') return practice;
  if (text === 'hint') return showHint(practice, step, hints);
  const result = runLine(practice.shell, text, files, elapsedMs);
  const output = result.output.map((c) => c.text).join('');
  const entry: Entry = { line: text, output, ...(result.request ? { request: result.request } : {}) };
  const entries = result.clear ? [] : [...(getOwn(practice.entries, step) ?? []), entry];
  return { ...practice, shell: result.state, entries: { ...practice.entries, [step]: entries } };
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
