// What the learner has answered over time, per question: what the review quiz draws on.
// Time is counted in answers, not in clock time: `at` is the learner's answer count when the
// question was last answered, so "not answered for a while" means "many answers ago".

export interface QuestionHistory {
  /** Answers given to this question, give-ups included. */
  readonly asked: number;
  /** Of those, right. */
  readonly right: number;
  /** Whether the latest answer was right. */
  readonly lastRight: boolean;
  /** The learner's answer count (see History.answers) at the latest answer. */
  readonly at: number;
}

export interface History {
  /** Every answer the learner has given, in any quiz: the clock of `at`. */
  readonly answers: number;
  /** By question id (ids are unique across a course). */
  readonly questions: Readonly<Record<string, QuestionHistory>>;
}

export const emptyHistory: History = { answers: 0, questions: {} };

/** One more answer to question `id`. */
export function recordAnswer(history: History, id: string, right: boolean): History {
  const before = history.questions[id];
  const answers = history.answers + 1;
  const entry: QuestionHistory = {
    asked: (before?.asked ?? 0) + 1,
    right: (before?.right ?? 0) + (right ? 1 : 0),
    lastRight: right,
    at: answers,
  };
  return { answers, questions: { ...history.questions, [id]: entry } };
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Checks history read from disk; null when it is not one. */
export function parseHistory(data: unknown): History | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const { answers, questions } = data as Record<string, unknown>;
  if (!isCount(answers) || typeof questions !== 'object' || questions === null || Array.isArray(questions)) return null;
  const kept: Record<string, QuestionHistory> = {};
  for (const [id, value] of Object.entries(questions)) {
    if (typeof value !== 'object' || value === null) return null;
    const { asked, right, lastRight, at } = value as Record<string, unknown>;
    if (!isCount(asked) || !isCount(right) || right > asked || typeof lastRight !== 'boolean' || !isCount(at) || at > answers) return null;
    kept[id] = { asked, right, lastRight, at };
  }
  return { answers, questions: kept };
}
