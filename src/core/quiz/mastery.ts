// Mastery per concept: a question answered right at the first try counts fully, one that needed
// a retry counts for less, one never answered right counts for nothing.
import { CONCEPT_LABELS, CONCEPTS, type Concept } from './concepts.js';

export interface QuestionRecord {
  readonly id: string;
  readonly concepts: readonly Concept[];
  /** Answers given so far, a give-up included. */
  readonly attempts: number;
  /** Answered right at last. */
  readonly solved: boolean;
}

/** 1 for right at the first try, 0.5 at the second, 0.25 later, 0 when not (yet) right. */
export function credit(record: QuestionRecord): number {
  if (!record.solved) return 0;
  if (record.attempts <= 1) return 1;
  return record.attempts === 2 ? 0.5 : 0.25;
}

export function firstTry(record: QuestionRecord): boolean {
  return record.solved && record.attempts === 1;
}

export interface ConceptResult {
  readonly concept: Concept;
  readonly label: string;
  /** Questions in the quiz that test this concept. */
  readonly questions: number;
  /** Of those, answered right at the first try. */
  readonly firstTry: number;
  /** 0 to 1: the average credit of those questions. */
  readonly mastery: number;
}

/** One result per concept that the questions test, in the order of CONCEPTS. */
export function conceptResults(records: readonly QuestionRecord[]): ConceptResult[] {
  return CONCEPTS.flatMap((concept) => {
    const tagged = records.filter((r) => r.concepts.includes(concept));
    if (tagged.length === 0) return [];
    const total = tagged.reduce((sum, r) => sum + credit(r), 0);
    return [
      {
        concept,
        label: CONCEPT_LABELS[concept],
        questions: tagged.length,
        firstTry: tagged.filter(firstTry).length,
        mastery: total / tagged.length,
      },
    ];
  });
}

export interface ConceptStanding {
  readonly concept: Concept;
  readonly label: string;
  /** Questions in the pool that test this concept. */
  readonly questions: number;
  /** Of those, answered right at the learner's latest answer. */
  readonly right: number;
  /** right / questions: a question never answered counts as not known yet. */
  readonly mastery: number;
}

/** Where the learner stands on each concept over all their answers so far (the review's history). */
export function standing(
  pool: readonly { readonly id: string; readonly concepts: readonly Concept[] }[],
  latest: (id: string) => boolean | undefined,
): ConceptStanding[] {
  return CONCEPTS.flatMap((concept) => {
    const tagged = pool.filter((q) => q.concepts.includes(concept));
    if (tagged.length === 0) return [];
    const right = tagged.filter((q) => latest(q.id) === true).length;
    return [{ concept, label: CONCEPT_LABELS[concept], questions: tagged.length, right, mastery: right / tagged.length }];
  });
}
