// Grading a `typed` question through its rule.
import type { Graded } from './graded.js';
import type { ResponseOf, TypedQuestion } from './model.js';
import { revealAnswer } from './reveal.js';
import { checkTyped } from './typed-rules.js';

export function gradeTyped(question: TypedQuestion, response: ResponseOf<'typed'>): Graded {
  const result = checkTyped(question.answer, response.text);
  return {
    correct: result.correct,
    score: result.correct ? 1 : 0,
    parts: [],
    lines: result.correct ? result.reasons : [...result.reasons, ...revealAnswer(question)],
  };
}
