// Quiz questions as text: for `print` (every question, then an answer key) and for the screen.
import { codeLines, fillQuestion, type Facts, type Question } from '../core/quiz/index.js';
import { CONCEPT_LABELS } from '../core/quiz/concepts.js';
import { blank, line, seg, type Line } from './line.js';
import { prose } from './prose.js';
import { wrap } from './wrap.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Items listed in code-unit order, away from their true order: no collator needed (a collator is ICU's, 3 MiB). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A question as printed: its prompt and, per kind, what the learner chooses from. */
export function printedQuestion(question: Question, number: string, columns: number, facts: Facts = {}): Line[] {
  const q = fillQuestion(question, { ...question.fallback, ...facts });
  const out: Line[] = [...prose(`${number} ${q.prompt}`, columns, true)];
  switch (q.kind) {
    case 'single':
    case 'multiple':
      q.options.forEach((o, i) => out.push(...wrap(`${LETTERS[i]}) ${o.text}`, columns - 2, 'plain', 5).map(indent2)));
      if (q.kind === 'multiple') out.push(line('  (one or more)', 'dim'));
      break;
    case 'typed':
      out.push(line('  Answer: ____________', 'dim'));
      break;
    case 'order':
      [...q.items]
        .map((item, i) => ({ item, i }))
        .sort((a, b) => byText(a.item.text, b.item.text))
        .forEach(({ item }, n) => {
          out.push(...wrap(`${LETTERS[n]}) ${item.text}`, columns - 2, 'plain', 5).map(indent2));
        });
      out.push(line('  (put them in order)', 'dim'));
      break;
    case 'match': {
      q.pairs.forEach((p, i) => out.push(...wrap(`${i + 1}. ${p.left}`, columns - 2, 'plain', 5).map(indent2)));
      [...q.pairs]
        .sort((a, b) => byText(a.right, b.right))
        .forEach((p, i) => out.push(...wrap(`${LETTERS[i]}) ${p.right}`, columns - 2, 'plain', 5).map(indent2)));
      break;
    }
    case 'bug':
      codeLines(q.code).forEach((text, i) => out.push([seg(`  ${String(i + 1).padStart(2)} | `, 'dim'), seg(text, 'code')]));
      out.push(line('  (which line breaks it?)', 'dim'));
      break;
  }
  return out;
}

/** What each question tests, in words. */
export const conceptWords = (question: Question): string => question.concepts.map((c) => CONCEPT_LABELS[c]).join(', ');

const indent2 = (l: Line): Line => [seg('  '), ...l];

export function answerKeyLines(entries: readonly { number: string; answer: readonly string[] }[], columns: number): Line[] {
  if (entries.length === 0) return [];
  const out: Line[] = [line('Answer key', 'heading'), line('----------', 'heading')];
  for (const entry of entries) {
    out.push(...wrap(`${entry.number} ${entry.answer.join(' ')}`, columns, 'plain', 4), blank);
  }
  return out;
}

/**
 * The quiz's closing sentence. "Right" counts every question answered right in the end, and the
 * score weighs how many tries each took, so both are said in one plainly consistent sentence.
 */
export function scoreSentence(s: { readonly solved: number; readonly total: number; readonly firstTry: number; readonly percent: number }): string {
  const later = s.solved - s.firstTry;
  const open = s.total - s.solved;
  const tries =
    s.solved === 0
      ? 'none answered right yet'
      : later === 0
        ? `${s.firstTry === s.total ? 'all' : s.firstTry} at the first try`
        : `${s.firstTry} at the first try and ${later} after ${later === 1 ? 'a retry' : 'retries'}`;
  const rest = open > 0 ? `; ${open} still to get right` : '';
  return `Quiz complete: ${s.total} question${s.total === 1 ? '' : 's'}, ${tries}${rest}. Score ${s.percent}% (a first try counts in full, a retry for less).`;
}
