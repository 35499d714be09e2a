// Grading a `bug` question: the learner points at the line that breaks the manifest.
import type { Graded } from './graded.js';
import { codeLines, type BugQuestion, type ResponseOf } from './model.js';
import { revealAnswer } from './reveal.js';
import { codeSpan, count } from './wording.js';

export function gradeBug(question: BugQuestion, response: ResponseOf<'bug'>): Graded {
  const lines = codeLines(question.code);
  const picked = response.line;
  const fail = (line: string): Graded => ({ correct: false, score: 0, parts: [], lines: [line, ...revealAnswer(question)] });
  if (!Number.isInteger(picked) || picked < 1 || picked > lines.length) {
    return fail(`There is no line ${picked}: the manifest has ${count(lines.length, 'line')}.`);
  }
  const text = codeSpan(lines[picked - 1]!);
  if (picked === question.line) {
    return { correct: true, score: 1, parts: [], lines: [`Line ${picked}, ${text}, is the bug. ${question.why}`] };
  }
  const tempting = (question.wrong ?? []).find((w) => w.line === picked);
  return fail(tempting ? `Line ${picked}, ${text}, is not it. ${tempting.why}` : `Line ${picked}, ${text}, is fine as it is.`);
}
