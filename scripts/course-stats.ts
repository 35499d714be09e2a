// The course's shape: words, steps and estimated minutes per lesson, core path and deep dives apart.
//   node --import tsx scripts/course-stats.ts [LESSON_DIR]     (default: lessons)
// Minutes are words at WORDS_PER_MINUTE plus the practice allowance of src/core/course/pace.ts.
import { loadLessonDir } from '../src/commands/load-lessons.js';
import { formatProblem } from '../src/core/course/model.js';
import { ALLOWANCE, isDeep, lessonPace, type Pace, stepMinutes, stepWords, WORDS_PER_MINUTE } from '../src/core/course/pace.js';

// --steps also lists every step: its kind, words and minutes, deep dives marked with *.
const perStep = process.argv.includes('--steps');
const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'lessons';
const result = loadLessonDir(dir);
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  process.exit(1);
}

const cell = (p: Pace) => `${String(p.steps).padStart(3)} ${String(p.words).padStart(6)} ${p.minutes.toFixed(1).padStart(6)}`;
const head = 'steps  words    min';
console.log(`${'lesson'.padEnd(28)}  core: ${head}   deep: ${head}`);
let core: Pace = { steps: 0, words: 0, minutes: 0 };
let deep: Pace = { steps: 0, words: 0, minutes: 0 };
const sum = (a: Pace, b: Pace): Pace => ({ steps: a.steps + b.steps, words: a.words + b.words, minutes: a.minutes + b.minutes });
for (const lesson of result.course.lessons) {
  const pace = lessonPace(lesson);
  core = sum(core, pace.core);
  deep = sum(deep, pace.deep);
  const name = `${lesson.deep ? '*' : ' '}${lesson.id}`.slice(0, 28).padEnd(28);
  console.log(`${name}        ${cell(pace.core)}         ${cell(pace.deep)}`);
  if (!perStep) continue;
  lesson.steps.forEach((step, i) => {
    const mark = isDeep(lesson, step) ? '*' : ' ';
    const what = step.kind === 'quiz' ? `quiz(${step.questions.length})` : step.kind;
    console.log(
      `   ${mark}${String(i + 1).padStart(2)} ${step.id.slice(0, 26).padEnd(26)} ${what.padEnd(9)} ${String(stepWords(step)).padStart(5)} ${stepMinutes(step).toFixed(1).padStart(5)}`,
    );
  });
}
const all = sum(core, deep);
console.log(`${'total'.padEnd(28)}        ${cell(core)}         ${cell(deep)}`);
console.log('');
console.log(`core path: ${core.minutes.toFixed(1)} min, ${core.steps} steps, ${core.words} words`);
console.log(`whole course: ${all.minutes.toFixed(1)} min, ${all.steps} steps, ${all.words} words`);
console.log(
  `(reading at ${WORDS_PER_MINUTE} words a minute; practice: do ${ALLOWANCE.doStep} min + ${ALLOWANCE.perCondition} per goal condition, ` +
    `trace ${ALLOWANCE.trace} min + ${ALLOWANCE.predict} with a prediction, ${Math.round(ALLOWANCE.perQuestion * 60)} s per quiz question; ` +
    `a review counts one round; * marks a lesson that is a deep dive as a whole)`,
);
