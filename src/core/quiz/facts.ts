// `{{name}}` placeholders: which facts a question needs, filling them in, and choosing between the
// learner's own facts and a question's fallback.
import type { Facts, Question } from './model.js';

/** The facts the app knows how to supply, with what each one is. Lint warns about any other name. */
export const KNOWN_FACTS: Readonly<Record<string, string>> = {
  serviceName: "the name of the learner's NodePort Service",
  nodePort: "that Service's node port",
  servicePort: "that Service's port, on its cluster IP",
  targetPort: "that Service's targetPort",
  clusterIP: "that Service's cluster IP",
  podName: 'the pod that the Service selects',
  podIP: "that pod's IP address",
  nodeIP: "a worker node's external IP address",
  nodeInternalIP: "the same node's internal IP address",
  otherNodeIP: "another worker node's external IP address",
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export type PathKey = string | number;

/** The fact names in a text, in order of first appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Text with `{{` or `}}` that is not part of a well-formed placeholder, e.g. `{{node port}}` or `{{nodePort}`. */
export function hasBrokenPlaceholder(text: string): boolean {
  const rest = text.replace(PLACEHOLDER, '');
  return rest.includes('{{') || rest.includes('}}');
}

/** Fills every placeholder it has a fact for; the names it had none for are listed in `missing`. */
export function fillText(text: string, facts: Facts): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(facts, name) ? facts[name] : undefined;
    if (value === undefined) {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return String(value);
  });
  return { text: filled, missing };
}

/** Every string in a question, with its path; `fallback` (facts, not text) is left out. */
export function questionStrings(question: unknown): { path: PathKey[]; text: string }[] {
  const found: { path: PathKey[]; text: string }[] = [];
  const walk = (value: unknown, path: PathKey[]): void => {
    if (typeof value === 'string') found.push({ path, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (path.length === 0 && key === 'fallback') continue;
        walk(item, [...path, key]);
      }
    }
  };
  walk(question, []);
  return found;
}

/** Lists whose entries a question can do without: `wrong` hints, and a URL's other right hosts. */
const OPTIONAL_LISTS: readonly PathKey[] = ['wrong', 'alsoHosts'];

/** A `wrong` entry is a hint, not part of the question: one that cannot be filled is left out (so is another right host). */
function inWrongEntry(path: readonly PathKey[]): boolean {
  return OPTIONAL_LISTS.some((key) => path.includes(key));
}

/** The facts a question cannot be asked without (placeholders in `wrong` entries are optional). */
export function requiredFacts(question: Question): string[] {
  const names = questionStrings(question)
    .filter((s) => !inWrongEntry(s.path))
    .flatMap((s) => placeholdersIn(s.text));
  return [...new Set(names)];
}

export type ResolvedFacts =
  { readonly ok: true; readonly facts: Facts; readonly source: 'learner' | 'fallback' } | { readonly ok: false; readonly missing: readonly string[] };

/**
 * The facts to ask a question with: the learner's own when they cover it, else the question's
 * fallback laid over them, else the names that are still missing.
 */
export function resolveFacts(question: Question, facts: Facts): ResolvedFacts {
  const required = requiredFacts(question);
  const lacking = (available: Facts) => required.filter((name) => !Object.hasOwn(available, name));
  if (lacking(facts).length === 0) return { ok: true, facts, source: 'learner' };
  if (question.fallback) {
    const merged = { ...facts, ...question.fallback };
    if (lacking(merged).length === 0) return { ok: true, facts: merged, source: 'fallback' };
  }
  return { ok: false, missing: lacking(question.fallback ? { ...facts, ...question.fallback } : facts) };
}

/** The facts a question still lacks, after its fallback; empty when it can be asked. */
export function missingFacts(question: Question, facts: Facts): string[] {
  const resolved = resolveFacts(question, facts);
  return resolved.ok ? [] : [...resolved.missing];
}

function fillValue(value: unknown, facts: Facts, path: PathKey[]): unknown {
  if (typeof value === 'string') return fillText(value, facts).text;
  if (Array.isArray(value)) {
    const items = value.map((item, i) => ({ item, path: [...path, i] }));
    const kept = OPTIONAL_LISTS.includes(path[path.length - 1]!)
      ? items.filter(({ item }) => questionStrings(item).every((s) => fillText(s.text, facts).missing.length === 0))
      : items;
    return kept.map(({ item, path: at }) => fillValue(item, facts, at));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, path.length === 0 && key === 'fallback' ? item : fillValue(item, facts, [...path, key])]),
    );
  }
  return value;
}

/**
 * The question with every placeholder filled from facts already resolved (see resolveFacts).
 * `wrong` entries that mention a missing fact are dropped; other unfilled placeholders stay as written.
 */
export function fillQuestion<Q extends Question>(question: Q, facts: Facts): Q {
  return fillValue(question, facts, []) as Q;
}

export interface SkippedQuestion {
  readonly id: string;
  readonly missing: readonly string[];
}

/** Splits questions into those that can be asked now (filled in) and those that lack facts. */
export function prepareQuestions(questions: readonly Question[], facts: Facts): { ready: Question[]; skipped: SkippedQuestion[] } {
  const ready: Question[] = [];
  const skipped: SkippedQuestion[] = [];
  for (const question of questions) {
    const resolved = resolveFacts(question, facts);
    if (resolved.ok) ready.push(fillQuestion(question, resolved.facts));
    else skipped.push({ id: question.id, missing: resolved.missing });
  }
  return { ready, skipped };
}

/** Placeholders whose names are not in `known`, with where they are, for lint. */
export function unknownPlaceholders(question: unknown, known: readonly string[] = Object.keys(KNOWN_FACTS)): { path: PathKey[]; name: string }[] {
  return questionStrings(question).flatMap((s) =>
    placeholdersIn(s.text)
      .filter((name) => !known.includes(name))
      .map((name) => ({ path: s.path, name })),
  );
}
