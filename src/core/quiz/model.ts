// Quiz questions as plain data, the way lesson authors write them in YAML under a `quiz` step,
// and the learner's answers to them. Nothing here runs; grade.ts and session.ts do.
import type { Concept } from './concepts.js';

/**
 * Values for `{{name}}` placeholders, mostly facts about the learner's own cluster:
 * `{ nodePort: 31231, nodeIP: '203.0.113.11', serviceName: 'my-first-service' }`.
 */
export type Facts = Readonly<Record<string, string | number>>;

/** A number, or text that becomes one once its placeholder is filled: `"{{nodePort}}"`. */
export type NumberOrFact = number | string;

export const QUESTION_KINDS = ['single', 'multiple', 'typed', 'order', 'match', 'bug'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

interface QuestionBase {
  /** Lower-case letters, digits and single hyphens; unique within a quiz. */
  readonly id: string;
  /** The question. May contain `{{name}}` placeholders, filled from the facts. */
  readonly prompt: string;
  /** What the question tests, from CONCEPTS; results are kept per concept. */
  readonly concepts: readonly Concept[];
  /** Shown after every answer, right or wrong: the idea behind the question. */
  readonly explain?: string;
  /**
   * Facts to use when the learner's own facts do not cover every placeholder (say the learner has
   * not made the Service yet). Used as a whole, laid over the learner's facts, so the numbers in one
   * question always belong together. Without it, such a question is skipped.
   */
  readonly fallback?: Facts;
}

/** One choice of a `single` or `multiple` question. */
export interface Option {
  readonly text: string;
  /** Marks a right option; leave it out (or write false) on the wrong ones. */
  readonly correct?: boolean;
  /** Why this option is right, or why it is wrong: shown when it matters to the learner's answer. */
  readonly why: string;
}

/** Pick the one right option. */
export interface SingleQuestion extends QuestionBase {
  readonly kind: 'single';
  readonly options: readonly Option[];
}

/** Pick every right option (one or more). */
export interface MultipleQuestion extends QuestionBase {
  readonly kind: 'multiple';
  readonly options: readonly Option[];
}

/** A common wrong number, with what it really is. */
export interface WrongNumber {
  readonly value: NumberOrFact;
  readonly why: string;
}

/** A common wrong word, with what it really is. */
export interface WrongText {
  readonly value: string;
  readonly why: string;
}

/**
 * A common wrong URL: it matches when every part it names (scheme, host, port) is what the learner
 * typed. Give a host for "the pod's IP", a port for "the service port", both for one exact URL.
 */
export interface WrongUrl {
  readonly scheme?: string;
  readonly host?: string;
  readonly port?: NumberOrFact;
  readonly why: string;
}

/** Exactly this number: `{rule: number, value: 80}`. */
export interface NumberRule {
  readonly rule: 'number';
  readonly value: NumberOrFact;
  readonly wrong?: readonly WrongNumber[];
}

/** Any port from min to max: `{rule: port-in-range, min: 30000, max: 32767}`. */
export interface PortInRangeRule {
  readonly rule: 'port-in-range';
  readonly min: number;
  readonly max: number;
  readonly wrong?: readonly WrongNumber[];
}

/** One of these words: `{rule: text, accept: [ClusterIP]}`; case does not matter unless caseSensitive. */
export interface TextRule {
  readonly rule: 'text';
  readonly accept: readonly string[];
  readonly caseSensitive?: boolean;
  readonly wrong?: readonly WrongText[];
}

/**
 * An address: `{rule: url, host: "{{nodeIP}}", port: "{{nodePort}}"}` accepts
 * `http://203.0.113.11:31231`, the same with a trailing `/`, and `203.0.113.11:31231`.
 */
export interface UrlRule {
  readonly rule: 'url';
  readonly host: string;
  /**
   * Other hosts that are just as right, such as another worker node's address (any node will do).
   * One whose placeholder the learner's cluster cannot fill is left out, as a `wrong` entry is.
   */
  readonly alsoHosts?: readonly string[];
  readonly port: NumberOrFact;
  /** http unless said otherwise. The learner may leave the scheme out; a different one is wrong. */
  readonly scheme?: 'http' | 'https';
  readonly wrong?: readonly WrongUrl[];
}

export type TypedRule = NumberRule | PortInRangeRule | TextRule | UrlRule;
export const TYPED_RULES = ['number', 'port-in-range', 'text', 'url'] as const satisfies readonly TypedRule['rule'][];

/** Type the answer; `answer` is the rule that checks it. */
export interface TypedQuestion extends QuestionBase {
  readonly kind: 'typed';
  readonly answer: TypedRule;
}

export interface OrderItem {
  readonly text: string;
  /** Why this item comes at its place: shown when it is the first one out of place. */
  readonly why?: string;
}

/** Put the items in order; `items` are written in the right order. */
export interface OrderQuestion extends QuestionBase {
  readonly kind: 'order';
  readonly items: readonly OrderItem[];
}

export interface MatchPair {
  readonly left: string;
  readonly right: string;
  /** Why these two belong together: shown when the learner pairs them wrongly. */
  readonly why: string;
}

/** Match each left to its right; `pairs` are written matched, the right column is shuffled. */
export interface MatchQuestion extends QuestionBase {
  readonly kind: 'match';
  readonly pairs: readonly MatchPair[];
}

export interface BugLine {
  /** 1-based line in `code`. */
  readonly line: number;
  readonly why: string;
}

/** Find the line that breaks the manifest in `code`. */
export interface BugQuestion extends QuestionBase {
  readonly kind: 'bug';
  readonly code: string;
  /** The breaking line, 1-based. */
  readonly line: number;
  /** What is wrong with that line and what happens because of it. */
  readonly why: string;
  /** Tempting lines that are fine, each with why it is not the bug. */
  readonly wrong?: readonly BugLine[];
}

export type Question = SingleQuestion | MultipleQuestion | TypedQuestion | OrderQuestion | MatchQuestion | BugQuestion;
export type QuestionOf<K extends QuestionKind> = Extract<Question, { kind: K }>;

/**
 * The learner's answer. Indices always point into the question as written (not into the shuffled
 * order on screen): `choice` into options, `order` lists item indices, `matches[i]` is the index of
 * the pair whose right side the learner put next to left i (null when left unmatched).
 */
export type Response =
  | { readonly kind: 'single'; readonly choice: number }
  | { readonly kind: 'multiple'; readonly choices: readonly number[] }
  | { readonly kind: 'typed'; readonly text: string }
  | { readonly kind: 'order'; readonly order: readonly number[] }
  | { readonly kind: 'match'; readonly matches: readonly (number | null)[] }
  | { readonly kind: 'bug'; readonly line: number };
export type ResponseOf<K extends QuestionKind> = Extract<Response, { kind: K }>;

/** One part of an answer: an option, a position in an order, a left side of a match. */
export interface GradedPart {
  readonly index: number;
  /** For options: picked exactly when right. For order: the item here belongs here. For match: paired rightly. */
  readonly ok: boolean;
}

export interface Grade {
  readonly correct: boolean;
  /** 0 to 1: the share of the parts that were right (1 or 0 for typed and bug questions). */
  readonly score: number;
  /**
   * What to show after the answer, in order: why the answer is right or wrong, the right answer
   * when it was wrong, and last the question's `explain`.
   */
  readonly feedback: readonly string[];
  /** Per option (single, multiple), per position of the learner's order, per left side (match). */
  readonly parts: readonly GradedPart[];
}

/** The lines of a `bug` question's code, as numbered for the learner (line n is lines[n - 1]). */
export function codeLines(code: string): string[] {
  return code.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
}
