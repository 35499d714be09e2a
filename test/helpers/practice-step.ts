// A practice step of the shipped course taken as a learner who arrived there takes it: the lines
// typed into it, and what its goal and its near-miss line make of them. The course tests that judge
// commands by meaning share it.
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import { checkGoal } from '../../src/core/course/goals.js';
import type { Course, DoStep, Lesson } from '../../src/core/course/model.js';
import { attemptsIn, runPractice, type LessonPractice } from '../../src/core/course/practice.js';
import { courseFiles, stateBefore } from '../../src/core/course/replay.js';
import { fillTemplates } from '../../src/core/course/template.js';
import { repoPath } from './fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
export const shippedCourse: Course = loaded.course;
/** The files the course's practice prompt can read: its manifests. */
export const courseFolder = courseFiles(shippedCourse);

/** A do step by its lesson (the id, or a part of the id or file name: `03`) and its id. */
export function doStep(lessonId: string, stepId: string): { lesson: Lesson; step: DoStep } {
  const lesson =
    shippedCourse.lessons.find((l) => l.id === lessonId) ?? shippedCourse.lessons.find((l) => l.id.includes(lessonId) || l.file.includes(lessonId));
  const step = lesson?.steps.find((s) => s.id === stepId);
  if (!lesson || step?.kind !== 'do') throw new Error(`no do step ${lessonId}/${stepId}`);
  return { lesson, step };
}

/**
 * Types the lines into the step, from the state the earlier steps leave, and returns what the step
 * saw. `elapsedMs`: the virtual time before each line (a pod takes a few seconds to start).
 */
export function takeStep(lessonId: string, stepId: string, lines: readonly string[], seed: number, elapsedMs = 10_000) {
  const { lesson, step } = doStep(lessonId, stepId);
  let practice: LessonPractice = { shell: stateBefore(lesson, step.id, seed, courseFolder), left: {}, entries: {}, seen: {}, nearMiss: {}, hints: {} };
  for (const line of lines)
    practice = runPractice(practice, step.id, fillTemplates(line, practice.shell.cluster), courseFolder, elapsedMs, step.hints.length, step);
  const parts = checkGoal(step.goal, practice.shell.cluster, attemptsIn(practice, step.id));
  return {
    met: parts.map((p) => p.met),
    all: parts.every((p) => p.met),
    says: parts.map((p) => p.says),
    miss: practice.nearMiss?.[step.id] ?? null,
    practice,
    step,
    cluster: practice.shell.cluster,
  };
}
