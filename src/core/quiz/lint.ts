// Checks for quiz authors: every problem in a question, with the path to the field it is about,
// so the lesson loader can turn it into file:line:col.
import * as v from 'valibot';
import { closest } from '../edit-distance.js';
import { CONCEPTS, isConcept } from './concepts.js';
import { hasBrokenPlaceholder, KNOWN_FACTS, placeholdersIn, questionStrings, type PathKey } from './facts.js';
import { codeLines, QUESTION_KINDS, TYPED_RULES, type Question, type TypedRule } from './model.js';
import { asNumber, normalizeText, portProblem } from './normalize.js';
import { QUESTION_FIELD_NAMES, questionSchema } from './schema.js';
import { normalizeHost } from './url.js';

export interface QuizProblem {
  readonly path: readonly PathKey[];
  readonly message: string;
}

export interface LintOptions {
  /** Fact names that placeholders may use. Default: the names in KNOWN_FACTS. */
  readonly knownFacts?: readonly string[];
}

type Input = v.InferOutput<typeof questionSchema>;
type Report = (path: readonly PathKey[], message: string) => void;

const ONLY_PLACEHOLDER = /^\{\{\s*[A-Za-z][A-Za-z0-9_]*\s*\}\}$/;

function structureProblem(issue: v.BaseIssue<unknown>): QuizProblem {
  const path = (issue.path ?? []).map((item) => item.key as PathKey);
  const last = path[path.length - 1];
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const guess = closest(String(last), QUESTION_FIELD_NAMES);
    return { path, message: `unknown field "${String(last)}"${guess ? ` (did you mean "${guess}"?)` : ''}` };
  }
  if (issue.type === 'strict_object' || (issue.received === 'undefined' && last !== undefined && issue.type !== 'variant')) {
    return { path: path.slice(0, -1), message: `missing field "${String(last)}"` };
  }
  if (issue.type === 'variant' && (last === 'kind' || last === 'rule')) {
    const known = last === 'kind' ? QUESTION_KINDS : TYPED_RULES;
    const what = issue.received === 'undefined' ? `missing field "${last}"` : `unknown ${last === 'kind' ? 'question kind' : 'rule'} ${issue.received}`;
    return { path: issue.received === 'undefined' ? path.slice(0, -1) : path, message: `${what} (known: ${known.join(', ')})` };
  }
  if (last === undefined) return { path, message: 'a question must be a map with id, kind, prompt and concepts' };
  const name = typeof last === 'number' ? `item ${last + 1}` : `"${last}"`;
  return { path, message: `${name} ${issue.message}` };
}

function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, i) => (seen.has(value) ? [i] : (seen.add(value), [])));
}

function checkConcepts(q: Input, report: Report): void {
  q.concepts.forEach((concept, i) => {
    if (isConcept(concept)) return;
    const guess = closest(concept, CONCEPTS);
    report(['concepts', i], `unknown concept "${concept}"${guess ? ` (did you mean "${guess}"?)` : ''}; known concepts: ${CONCEPTS.join(', ')}`);
  });
  for (const i of duplicates(q.concepts)) report(['concepts', i], `concept "${q.concepts[i]!}" is listed twice`);
}

function checkPlaceholders(q: Input, known: readonly string[], report: Report): void {
  for (const { path, text } of questionStrings(q)) {
    if (hasBrokenPlaceholder(text)) report(path, 'has a broken placeholder: write it as {{name}}, such as {{nodePort}}');
    for (const name of placeholdersIn(text)) {
      if (known.includes(name)) continue;
      const guess = closest(name, known);
      report(path, `unknown placeholder {{${name}}}${guess ? ` (did you mean {{${guess}}}?)` : ''}; known facts: ${known.join(', ')}`);
    }
  }
  for (const name of Object.keys(q.fallback ?? {})) {
    if (!known.includes(name)) report(['fallback', name], `unknown fact "${name}"; known facts: ${known.join(', ')}`);
  }
}

function checkOptions(q: Extract<Input, { kind: 'single' | 'multiple' }>, report: Report): void {
  if (q.options.length < 2) report(['options'], 'must have at least two options');
  const right = q.options.filter((o) => o.correct === true).length;
  if (q.kind === 'single' && right !== 1) {
    report(
      ['options'],
      right === 0
        ? 'has no right option: mark the right one with "correct: true"'
        : `has ${right} right options, and a single question has exactly one (use kind: multiple for more)`,
    );
  }
  if (q.kind === 'multiple' && right === 0) report(['options'], 'has no right option: mark each right one with "correct: true"');
  for (const i of duplicates(q.options.map((o) => normalizeText(o.text)))) {
    report(['options', i, 'text'], 'is the same as an earlier option');
  }
}

/** A number field: a whole number, or one placeholder that will be one. */
function checkNumberField(value: number | string, path: readonly PathKey[], report: Report, port: boolean): number | null {
  if (typeof value === 'string') {
    if (ONLY_PLACEHOLDER.test(value.trim())) return null;
    const n = asNumber(value);
    if (n === null) {
      report(path, `must be a whole number, or a placeholder such as "{{nodePort}}", not "${value}"`);
      return null;
    }
    value = n;
  }
  const problem = port ? portProblem(value) : null;
  if (problem) report(path, `must be a port: ${problem}`);
  return problem ? null : value;
}

function checkRule(rule: TypedRule, report: Report): void {
  const at = (...path: PathKey[]) => ['answer', ...path];
  switch (rule.rule) {
    case 'number': {
      const expected = checkNumberField(rule.value, at('value'), report, false);
      (rule.wrong ?? []).forEach((w, i) => {
        const value = checkNumberField(w.value, at('wrong', i, 'value'), report, false);
        if (value !== null && value === expected) report(at('wrong', i, 'value'), `${value} is the right answer, so it cannot be listed as wrong`);
      });
      return;
    }
    case 'port-in-range': {
      const min = checkNumberField(rule.min, at('min'), report, true);
      const max = checkNumberField(rule.max, at('max'), report, true);
      if (min !== null && max !== null && min > max) report(at('max'), `must not be below min (${min})`);
      (rule.wrong ?? []).forEach((w, i) => {
        const value = checkNumberField(w.value, at('wrong', i, 'value'), report, false);
        if (value !== null && min !== null && max !== null && value >= min && value <= max) {
          report(at('wrong', i, 'value'), `${value} is inside ${min}-${max}, so the rule accepts it: it cannot be listed as wrong`);
        }
      });
      return;
    }
    case 'text': {
      const norm = (s: string) => normalizeText(s, rule.caseSensitive ?? false);
      for (const i of duplicates(rule.accept.map(norm))) report(at('accept', i), 'is the same as an earlier accepted answer');
      const accepted = new Set(rule.accept.map(norm));
      (rule.wrong ?? []).forEach((w, i) => {
        if (accepted.has(norm(w.value))) report(at('wrong', i, 'value'), `"${w.value}" is accepted, so it cannot be listed as wrong`);
      });
      return;
    }
    case 'url': {
      if (/[/:\s]/.test(rule.host.replace(/\{\{[^}]*\}\}/g, ''))) {
        report(at('host'), 'must be the host alone, without a scheme, a port or a path (those have their own fields)');
      }
      (rule.alsoHosts ?? []).forEach((host, i) => {
        if (/[/:\s]/.test(host.replace(/\{\{[^}]*\}\}/g, ''))) report(at('alsoHosts', i), 'must be a host alone, without a scheme, a port or a path');
      });
      const port = checkNumberField(rule.port, at('port'), report, true);
      (rule.wrong ?? []).forEach((w, i) => {
        if (w.scheme === undefined && w.host === undefined && w.port === undefined) {
          report(at('wrong', i), 'must name at least one of scheme, host and port');
          return;
        }
        const wrongPort = w.port === undefined ? undefined : checkNumberField(w.port, at('wrong', i, 'port'), report, true);
        const sameScheme = (w.scheme ?? rule.scheme ?? 'http').toLowerCase() === (rule.scheme ?? 'http');
        const sameHost = w.host === undefined || normalizeHost(w.host) === normalizeHost(rule.host);
        const samePort = w.port === undefined || (wrongPort !== null && wrongPort === port) || w.port === rule.port;
        if (sameScheme && sameHost && samePort) report(at('wrong', i), 'describes the right address, so it cannot be listed as wrong');
      });
      return;
    }
  }
}

function checkKind(q: Input, report: Report): void {
  switch (q.kind) {
    case 'single':
    case 'multiple':
      checkOptions(q, report);
      return;
    case 'typed':
      checkRule(q.answer, report);
      return;
    case 'order':
      if (q.items.length < 3) report(['items'], `must have at least 3 items to put in order, not ${q.items.length}`);
      for (const i of duplicates(q.items.map((item) => normalizeText(item.text)))) report(['items', i, 'text'], 'is the same as an earlier item');
      return;
    case 'match':
      if (q.pairs.length < 2) report(['pairs'], `must have at least 2 pairs to match, not ${q.pairs.length}`);
      for (const i of duplicates(q.pairs.map((p) => normalizeText(p.left)))) report(['pairs', i, 'left'], 'is the same as an earlier left side');
      for (const i of duplicates(q.pairs.map((p) => normalizeText(p.right)))) report(['pairs', i, 'right'], 'is the same as an earlier right side');
      return;
    case 'bug': {
      const lines = codeLines(q.code).length;
      const inside = (line: number) => line >= 1 && line <= lines;
      if (!inside(q.line)) report(['line'], `must be a line of the code, 1 to ${lines}, not ${q.line}`);
      (q.wrong ?? []).forEach((w, i) => {
        if (!inside(w.line)) report(['wrong', i, 'line'], `must be a line of the code, 1 to ${lines}, not ${w.line}`);
        else if (w.line === q.line) report(['wrong', i, 'line'], `is the bug's own line (${q.line}), so it cannot be listed as wrong`);
      });
      for (const i of duplicates((q.wrong ?? []).map((w) => String(w.line)))) report(['wrong', i, 'line'], 'is listed twice');
      return;
    }
  }
}

/** Every problem in one question (shape first; the rest only once the shape is right). */
export function checkQuestion(question: unknown, options: LintOptions = {}): QuizProblem[] {
  const parsed = v.safeParse(questionSchema, question, { abortEarly: false });
  if (!parsed.success) return parsed.issues.map(structureProblem);
  const problems: QuizProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  checkConcepts(parsed.output, report);
  checkPlaceholders(parsed.output, options.knownFacts ?? Object.keys(KNOWN_FACTS), report);
  checkKind(parsed.output, report);
  return problems;
}

/** Every problem in a list of questions (paths start with the question's index), duplicate ids included. */
export function checkQuestions(questions: unknown, options: LintOptions = {}): QuizProblem[] {
  if (!Array.isArray(questions)) return [{ path: [], message: 'questions must be a list' }];
  const problems = questions.flatMap((q, i) => checkQuestion(q, options).map((p) => ({ ...p, path: [i, ...p.path] })));
  const first = new Map<string, number>();
  questions.forEach((q: unknown, i) => {
    const id = (q as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, i);
    else problems.push({ path: [i, 'id'], message: `duplicate question id "${id}" (first used by question ${earlier + 1})` });
  });
  return problems;
}

/** Questions read from YAML data, checked: the typed questions, or every problem found. */
export function readQuestions(data: unknown, options: LintOptions = {}): { ok: true; questions: Question[] } | { ok: false; problems: QuizProblem[] } {
  const problems = checkQuestions(data, options);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, questions: data as Question[] };
}

/** A problem as one line, e.g. `3.options.1.why: must not be empty`. */
export function formatQuizProblem(problem: QuizProblem): string {
  return problem.path.length === 0 ? problem.message : `${problem.path.join('.')}: ${problem.message}`;
}
