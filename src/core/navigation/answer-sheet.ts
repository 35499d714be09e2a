// The learner's answer to the question on screen, as keys build it: a cursor, the options ticked,
// the order of items, the pairs of a match, the line of a bug. Turned into the quiz engine's
// Response when the learner presses Enter.
import { codeLines, type PresentedQuestion, type Response } from '../quiz/index.js';

export interface AnswerSheet {
  /** Which row the cursor is on: an option, an item, a left-hand term, a line of code. */
  readonly cursor: number;
  /** Options ticked (multiple), as indices into the question's options. */
  readonly chosen: readonly number[];
  /** Items in the learner's order (order), as indices into the question's items. */
  readonly arrangement: readonly number[];
  /** For each left-hand term, the right-hand one chosen (match), as pair indices. */
  readonly matches: readonly (number | null)[];
  /** An item picked up to be moved (order). */
  readonly holding: boolean;
  /**
   * single: the learner has chosen an option (↑/↓, space or its number). bug: the learner has
   * chosen a line (↑/↓ or space). order: the learner has touched the items (a key on them, or one
   * enter that was told the order is unmoved). Until then enter does not answer, so a second enter
   * after a question's feedback answers nothing.
   */
  readonly picked?: boolean;
}

export type SheetAction =
  | { readonly type: 'move'; readonly delta: number }
  /** Space: tick an option, pick up or put down an item. */
  | { readonly type: 'toggle' }
  /** Left/right: change the right-hand term of a pair. */
  | { readonly type: 'cycle'; readonly delta: number }
  /** A digit: the choice of that number in the list on screen, counted from 1, for the term (match). */
  | { readonly type: 'pick'; readonly choice: number };

export function rows(presented: PresentedQuestion): number {
  const q = presented.question;
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return q.options.length;
    case 'order':
      return q.items.length;
    case 'match':
      return q.pairs.length;
    case 'bug':
      return codeLines(q.code).length;
    case 'typed':
      return 0;
  }
}

export function freshSheet(presented: PresentedQuestion): AnswerSheet {
  const q = presented.question;
  return {
    cursor: 0,
    chosen: [],
    arrangement: q.kind === 'order' ? presented.display : [],
    matches: q.kind === 'match' ? q.pairs.map(() => null) : [],
    holding: false,
    ...(q.kind === 'single' || q.kind === 'bug' || q.kind === 'order' ? { picked: false } : {}),
  };
}

const clamp = (n: number, size: number) => Math.max(0, Math.min(size - 1, n));

export function updateSheet(sheet: AnswerSheet, presented: PresentedQuestion, action: SheetAction): AnswerSheet {
  const q = presented.question;
  const size = rows(presented);
  if (size === 0) return sheet;
  switch (action.type) {
    case 'move': {
      const cursor = clamp(sheet.cursor + action.delta, size);
      if (q.kind === 'single') return { ...sheet, cursor, picked: true };
      // A bug question shows no line chosen at first: the first ↓ chooses line 1, the first ↑ the last.
      if (q.kind === 'bug' && sheet.picked === false) return { ...sheet, cursor: action.delta < 0 ? size - 1 : 0, picked: true };
      if (q.kind === 'order' && !sheet.holding) return { ...sheet, cursor, picked: true };
      if (q.kind !== 'order' || !sheet.holding || cursor === sheet.cursor) return { ...sheet, cursor };
      // Moving while holding carries the item along.
      const arrangement = [...sheet.arrangement];
      const [item] = arrangement.splice(sheet.cursor, 1);
      arrangement.splice(cursor, 0, item!);
      return { ...sheet, cursor, arrangement };
    }
    case 'toggle': {
      if (q.kind === 'order') return { ...sheet, holding: !sheet.holding, picked: true };
      if (q.kind === 'single' || q.kind === 'bug') return { ...sheet, picked: true };
      if (q.kind !== 'multiple') return sheet;
      const option = presented.display[sheet.cursor] ?? sheet.cursor;
      const chosen = sheet.chosen.includes(option) ? sheet.chosen.filter((c) => c !== option) : [...sheet.chosen, option];
      return { ...sheet, chosen };
    }
    case 'cycle': {
      if (q.kind !== 'match') return sheet;
      // The right-hand terms in their on-screen order; "none" sits before the first.
      const choices: (number | null)[] = [null, ...presented.display];
      const now = choices.indexOf(sheet.matches[sheet.cursor] ?? null);
      const next = choices[(now + action.delta + choices.length) % choices.length] ?? null;
      return { ...sheet, matches: sheet.matches.map((m, i) => (i === sheet.cursor ? next : m)) };
    }
    case 'pick': {
      if (q.kind === 'single') return action.choice >= 1 && action.choice <= size ? { ...sheet, cursor: action.choice - 1, picked: true } : sheet;
      const choice = presented.display[action.choice - 1];
      if (q.kind !== 'match' || choice === undefined) return sheet;
      return { ...sheet, matches: sheet.matches.map((m, i) => (i === sheet.cursor ? choice : m)) };
    }
  }
}

/** The answer as the engine grades it; `typed` is the text at the prompt for typed questions. */
export function responseFrom(sheet: AnswerSheet, presented: PresentedQuestion, typed: string): Response {
  const q = presented.question;
  switch (q.kind) {
    case 'single':
      return { kind: 'single', choice: presented.display[sheet.cursor] ?? sheet.cursor };
    case 'multiple':
      return { kind: 'multiple', choices: [...sheet.chosen].sort((a, b) => a - b) };
    case 'typed':
      return { kind: 'typed', text: typed };
    case 'order':
      return { kind: 'order', order: sheet.arrangement };
    case 'match':
      return { kind: 'match', matches: sheet.matches };
    case 'bug':
      return { kind: 'bug', line: sheet.cursor + 1 };
  }
}
