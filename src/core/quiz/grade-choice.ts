// Grading `single` and `multiple` questions: every option the learner got wrong is explained.
import { shareOk, type Graded } from './graded.js';
import type { MultipleQuestion, ResponseOf, SingleQuestion } from './model.js';
import { revealAnswer } from './reveal.js';
import { quoted } from './wording.js';

export function gradeSingle(question: SingleQuestion, response: ResponseOf<'single'>): Graded {
  const { options } = question;
  const picked = options[response.choice];
  const parts = options.map((o, index) => ({ index, ok: (index === response.choice) === (o.correct === true) }));
  if (!picked) {
    const lines = [`There is no option ${response.choice + 1}: pick one of the ${options.length}.`, ...revealAnswer(question)];
    return { correct: false, score: 0, parts, lines };
  }
  if (picked.correct === true) return { correct: true, score: 1, parts, lines: [picked.why] };
  return {
    correct: false,
    score: 0,
    parts,
    lines: [`You picked ${quoted(picked.text)}. ${picked.why}`, ...revealAnswer(question)],
  };
}

export function gradeMultiple(question: MultipleQuestion, response: ResponseOf<'multiple'>): Graded {
  const { options } = question;
  const chosen = new Set(response.choices.filter((i) => Number.isInteger(i) && i >= 0 && i < options.length));
  const parts = options.map((o, index) => ({ index, ok: chosen.has(index) === (o.correct === true) }));
  const correct = parts.every((p) => p.ok);
  if (correct) {
    const lines = options.filter((o) => o.correct === true).map((o) => `${quoted(o.text)}: ${o.why}`);
    return { correct, score: 1, parts, lines };
  }
  const lines: string[] = [];
  if (chosen.size === 0) lines.push('Nothing was picked, and at least one option is right.');
  options.forEach((o, index) => {
    if (parts[index]!.ok) return;
    lines.push(o.correct === true ? `${quoted(o.text)} is right too. ${o.why}` : `${quoted(o.text)} is not right. ${o.why}`);
  });
  return { correct, score: shareOk(parts), parts, lines: [...lines, ...revealAnswer(question)] };
}
