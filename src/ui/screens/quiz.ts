// A quiz on screen: the question and the answer being built, then the feedback in words and
// symbols (never colour alone), then the summary with what to revisit.
import { conceptLessons, currentQuiz, currentStep, reviewPool, takesDeepDives, type NavState } from '../../core/course/navigation.js';
import { CONCEPT_LABELS } from '../../core/quiz/concepts.js';
import { codeLines, nextSteps, quizPhase, quizProgress, summary, type Response } from '../../core/quiz/index.js';
import { visibleLine } from '../../core/shell/line-editor.js';
import { blank, line, lineWidth, seg, width, type Line } from '../../text/line.js';
import { prose } from '../../text/prose.js';
import { scoreSentence } from '../../text/quiz-text.js';
import { words, wrap, wrapWords } from '../../text/wrap.js';

export interface QuizLines {
  readonly lines: Line[];
  /** The rows to keep in view: the question and all its options, or, once answered, the verdict and its why. */
  readonly focus?: { readonly from: number; readonly to: number };
  /** The row under the cursor: in view even when the question is taller than the window. */
  readonly cursor?: number;
}

export function quizLines(state: NavState, columns: number, plain: boolean): QuizLines {
  const found = currentQuiz(state);
  if (!found) return { lines: [] };
  const { quiz } = found;
  const phase = quizPhase(quiz);
  if (phase === 'done') return { lines: summaryLines(state, columns) };
  const turn = quiz.current!;
  const q = turn.presented.question;
  const sheet = state.sheet;
  const progress = quizProgress(quiz);
  const counted = `Question ${quiz.turns} · ${progress.solved} of ${progress.total} answered right so far`;
  const again = turn.presented.attempt > 1 ? 'again: you missed it earlier' : '';
  const heading: Line[] = !again
    ? [line(counted, 'dim')]
    : lineWidth([seg(`${counted} · ${again}`)]) <= columns
      ? [[seg(counted, 'dim'), seg(' · ', 'dim'), seg(again, 'focus')]]
      : [line(counted, 'dim'), line(again, 'focus')];
  const out: Line[] = [...heading, blank, ...prose(q.prompt, columns, plain), blank];
  const answered = turn.grade !== null;
  // A tall question (a manifest, items to sort) says how to answer it before its body, where
  // a short window still shows it; a short one says it after.
  const howFirst = !answered && TALL.has(q.kind);
  // With the lesson keys on (esc), the question's own keys do nothing: the line says how back.
  const how = state.focus === 'page' ? AWAY : HOW[q.kind];
  if (howFirst) out.push(...wrap(how, columns, 'dim'), blank);
  let cursor: number | undefined;
  const row = (i: number, text: Line): Line => {
    // A bug question marks no line until the learner chooses one.
    const here = !answered && sheet?.cursor === i && !(q.kind === 'bug' && sheet.picked === false);
    if (here) cursor = out.length;
    return [seg(here ? '› ' : '  ', 'focus'), ...text];
  };
  switch (q.kind) {
    case 'single':
    case 'multiple':
      turn.presented.display.forEach((option, i) => {
        const o = q.options[option]!;
        const ticked = q.kind === 'single' ? sheet?.picked !== false && sheet?.cursor === i : sheet?.chosen.includes(option);
        const box = q.kind === 'single' ? (ticked ? '(•) ' : '( ) ') : ticked ? '[x] ' : '[ ] ';
        const mark = answered ? answerMark(o.correct === true, Boolean(picked(turn.response, option))) : [];
        const text = wrap(o.text, columns - 6, 'plain', 6).map((l, n) => (n === 0 ? row(i, [seg(box), ...l]) : l));
        // The mark goes after the option's last words, or under them when it would not fit.
        const last = text[text.length - 1]!;
        if (mark.length && lineWidth(last) + lineWidth(mark) <= columns) text[text.length - 1] = [...last, ...mark];
        else if (mark.length) text.push([seg(' '.repeat(4)), ...mark]);
        out.push(...text);
      });
      break;
    case 'typed': {
      const { before, at, after } = visibleLine(state.prompt.editor, columns - 9, width);
      out.push([seg('Answer: ', 'heading'), seg(before), ...(answered ? [] : [seg(at, 'cursor')]), seg(answered ? at.trim() : ''), seg(after)]);
      break;
    }
    case 'order':
      (sheet?.arrangement ?? turn.presented.display).forEach((item, i) => {
        const held = sheet?.holding && sheet.cursor === i;
        // Each item in full, wrapped under its own text, as an option of a choice is.
        const number = `${i + 1}. `;
        const pieces = wrap(q.items[item]!.text, columns - 2 - number.length, held ? 'focus' : 'plain');
        pieces.forEach((piece, n) => out.push(n === 0 ? row(i, [seg(number, 'dim'), ...piece]) : [seg(' '.repeat(2 + number.length)), ...piece]));
        if (held) {
          const moving = seg('  (moving: ↑/↓, space to drop)', 'dim');
          const last = out[out.length - 1]!;
          if (lineWidth([...last, moving]) <= columns) out[out.length - 1] = [...last, moving];
          else out.push([seg(' '.repeat(2 + number.length)), seg(moving.text.trim(), 'dim')]);
        }
      });
      break;
    case 'match': {
      // Every term and its match in full: the match wraps beside the term, or under it when the
      // column beside it would be too narrow to read.
      const width = Math.max(...q.pairs.map((p) => lineWidth([seg(p.left)])));
      const beside = columns - 2 - width - 5;
      q.pairs.forEach((pair, i) => {
        const chosen = sheet?.matches[i];
        const right = chosen === null || chosen === undefined ? '—' : q.pairs[chosen]!.right;
        if (beside >= 24) {
          const pieces = wrap(right, beside);
          pieces.forEach((piece, n) =>
            out.push(n === 0 ? row(i, [seg(pair.left.padEnd(width), 'heading'), seg('  →  ', 'dim'), ...piece]) : [seg(' '.repeat(2 + width + 5)), ...piece]),
          );
        } else {
          out.push(...wrap(pair.left, columns - 2, 'heading').map((l, n) => (n === 0 ? row(i, l) : [seg('  '), ...l])));
          out.push(...wrap(`→ ${right}`, columns - 4, 'plain', 2).map((l) => [seg('    '), ...l]));
        }
      });
      // Every choice, in full, so the learner can read them all before matching.
      out.push(blank, ...wrap('The choices (on a term, type a number or use ←/→):', columns, 'dim'));
      turn.presented.display.forEach((choice, n) => {
        out.push(...wrap(`${n + 1}. ${q.pairs[choice]!.right}`, columns - 2, 'plain', 3).map((l) => [seg('  '), ...l]));
      });
      break;
    }
    case 'bug':
      codeLines(q.code).forEach((text, i) => out.push(row(i, [seg(`${String(i + 1).padStart(2)} ${plain ? '|' : '│'} `, 'dim'), seg(text, 'code')])));
      break;
  }
  if (turn.grade) {
    const right = turn.grade.correct;
    out.push(blank);
    const verdict = out.length;
    out.push(line(right ? '✓ Right.' : '✗ Not quite.', right ? 'good' : 'bad'));
    for (const text of turn.grade.feedback) out.push(...wrap(text, columns));
    const next = state.focus === 'page' ? AWAY : right ? 'Enter: next question' : 'Enter: go on (this question comes back later)';
    out.push(blank, ...wrap(next, columns, 'dim'));
    return { lines: out, focus: { from: verdict, to: out.length - 1 } };
  }
  if (!howFirst) out.push(blank, ...wrap(how, columns, 'dim'));
  return { lines: out, focus: { from: 0, to: out.length - 1 }, ...(cursor === undefined ? {} : { cursor }) };
}

/** The kinds of question whose body is often taller than a short window (a match names its keys beside its choices). */
const TALL: ReadonlySet<string> = new Set(['bug', 'order']);

const HOW = {
  single: '↑/↓ or 1-9 choose · enter answer · g show the answer',
  multiple: '↑/↓ move · space tick or untick · enter answer · g show the answer',
  typed: 'type your answer · enter answer',
  order: '↑/↓ move · space pick up or drop an item · enter answer · g show the answer',
  match: '↑/↓ choose a term · 1-9 or ←/→ its match · enter answer · g show the answer',
  bug: '↑/↓ choose the line that breaks it · enter answer · g show the answer',
} as const;

/** The question's line while the lesson keys are on. */
const AWAY = 'lesson keys are on: i back to the question · → leave it for later';

/** After an answer: the right options are marked, and so is a wrong pick, in symbols and words. */
function answerMark(right: boolean, chosen: boolean): Line {
  if (right) return [seg('  ✓ right answer', 'good')];
  return chosen ? [seg('  ✗ your pick', 'bad')] : [];
}

function picked(response: Response | null, option: number): boolean {
  if (!response) return false;
  if (response.kind === 'single') return response.choice === option;
  return response.kind === 'multiple' && response.choices.includes(option);
}

/** What to do after this quiz: for a review, with what is still new to the learner. */
function whatNext(state: NavState, s: ReturnType<typeof summary>): string[] {
  const step = currentStep(state)?.step;
  const review = step?.kind === 'quiz' && step.review;
  const seen = state.progress.history?.questions ?? {};
  const unseen = review ? reviewPool(state, step).filter((q) => seen[q.id] === undefined).length : 0;
  return nextSteps(s, { review, unseen, deepDivesOff: !takesDeepDives(state) });
}

function summaryLines(state: NavState, columns: number): Line[] {
  const found = currentQuiz(state)!;
  const s = summary(found.quiz, { conceptLessons: conceptLessons(state.course) });
  const out: Line[] = [...wrap(scoreSentence(s), columns, 'heading'), blank, line('By concept', 'heading')];
  for (const c of s.concepts) {
    const mark = c.mastery >= 0.75 ? words('✓', 'good') : words('✗', 'bad');
    // Wrapped under the label, as a concept's name can take most of a narrow window.
    const row = [
      ...mark,
      ...words(` ${CONCEPT_LABELS[c.concept]}:`),
      ...words(` ${Math.round(c.mastery * 100)}%`, 'heading'),
      ...words(` (${c.firstTry} of ${c.questions} first try)`, 'dim'),
    ];
    out.push(...wrapWords(row, columns, 2));
  }
  if (s.revisit.length > 0) {
    out.push(blank, line('Worth another look', 'heading'));
    for (const r of s.revisit)
      out.push(...wrap(`- ${CONCEPT_LABELS[r.concept]}${r.lessons.length ? ` (lessons: ${r.lessons.join(', ')})` : ''}`, columns, 'plain', 2));
  }
  out.push(blank, line('What next', 'heading'));
  for (const step of whatNext(state, s)) out.push(...wrap(`- ${step}`, columns, 'plain', 2));
  out.push(blank, line('Enter: next step · r: take the quiz again', 'dim'));
  return out;
}
