// The right answer to a (filled-in) question, in words: shown after a wrong answer or on giving up.
import { codeLines, type Question } from './model.js';
import { ruleAnswer } from './typed-rules.js';
import { codeSpan, listOf, quoted } from './wording.js';

export function revealAnswer(question: Question): string[] {
  switch (question.kind) {
    case 'single': {
      const right = question.options.find((o) => o.correct === true);
      return right ? [`The right answer is ${quoted(right.text)}. ${right.why}`] : [];
    }
    case 'multiple': {
      const right = question.options.filter((o) => o.correct === true).map((o) => quoted(o.text));
      return [right.length === 1 ? `The one right option is ${right[0]!}.` : `The right options are ${listOf(right)}.`];
    }
    case 'typed':
      return [`The answer is ${ruleAnswer(question.answer)}.`];
    case 'order':
      return ['The right order:', ...question.items.map((item, i) => `${i + 1}. ${item.text}`)];
    case 'match':
      return ['The right pairs:', ...question.pairs.map((p) => `${quoted(p.left)} goes with ${quoted(p.right)}.`)];
    case 'bug': {
      const text = codeLines(question.code)[question.line - 1] ?? '';
      return [`The bug is on line ${question.line}, ${codeSpan(text)}. ${question.why}`];
    }
  }
}
