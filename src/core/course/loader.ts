// Lesson files (text) -> a validated Course, or every problem found, each with file:line:col.
import * as v from 'valibot';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../yaml.js';
import { findControl } from '../visible-controls.js';
import { MAX_DEPTH, tooDeepAt } from '../yaml-depth.js';
import type { Course, Lesson, ManifestField, Problem, Step } from './model.js';
import { FIELD_NAMES, KNOWN_KINDS, lessonSchema, stepSchema, type StepInput } from './schema.js';
import { closest } from '../edit-distance.js';
import { readQuestions } from '../quiz/index.js';
import { templateProblems } from './template.js';
import type { WorldNote } from './world-notes.js';
import { readCondition, type GoalProblem } from './read-goal.js';
import { courseFiles, replayLesson } from './replay.js';
import { understand } from '../kubectl/understood.js';
import { lateCitations, manifestFacts } from './quiz-order.js';
import { locate, parseFieldPath, position, valueOffset, type PathKey } from './yaml-position.js';
import { append } from '../append.js';
import { jsonText } from '../json-text.js';

export interface SourceFile {
  /** The name to show in messages, e.g. `lessons/01-why.yml`. */
  readonly file: string;
  readonly text: string;
  /** Set instead of text for a file over MAX_LESSON_BYTES. */
  readonly tooLarge?: boolean;
  /** Set instead of text for a link that leads outside the lesson folder: where it leads. */
  readonly outside?: string;
}

/** Lesson and manifest files larger than this are refused rather than parsed. */
export const MAX_LESSON_BYTES = 512 * 1024;

export interface CourseSources {
  readonly lessons: readonly SourceFile[];
  /** Manifests by file name (as lessons refer to them). */
  readonly manifests: ReadonlyMap<string, SourceFile>;
}

export type LoadResult = { ok: true; course: Course } | { ok: false; problems: Problem[] };

interface Parsed {
  readonly source: SourceFile;
  readonly doc: Document;
  readonly counter: LineCounter;
}

function parse(source: SourceFile, problems: Problem[]): Parsed | null {
  if (source.tooLarge) {
    problems.push({ file: source.file, line: 1, col: 1, message: `file is larger than ${MAX_LESSON_BYTES / 1024} KiB` });
    return null;
  }
  if (source.outside !== undefined) {
    problems.push({
      file: source.file,
      line: 1,
      col: 1,
      message: `is a link to ${source.outside}, outside the lesson folder; lessons may read only their own folder`,
    });
    return null;
  }
  const counter = new (yaml().LineCounter)();
  const deep = tooDeepAt(source.text);
  if (deep !== -1) {
    counter.addNewLine(0);
    for (let at = source.text.indexOf('\n'); at !== -1 && at < deep; at = source.text.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
    problems.push({ file: source.file, ...position(counter, deep), message: `nested more than ${MAX_DEPTH} levels deep; no lesson needs that many` });
    return null;
  }
  const doc = yaml().parseDocument(source.text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = position(counter, error.pos[0]);
      problems.push({ file: source.file, ...at, message: yamlMessage(error.message) });
    }
    return null;
  }
  const before = problems.length;
  controlProblems(source, doc, counter, problems);
  return problems.length > before ? null : { source, doc, counter };
}

/**
 * Every string of a lesson or manifest reaches the learner's terminal: a control character in one
 * (ESC, BEL, a C1 code, written as is or as a YAML escape like "\e") could retitle the window,
 * write the clipboard or clear the screen, so it is refused where it is. Tab and newline are fine.
 */
function controlProblems(source: SourceFile, doc: Document, counter: LineCounter, problems: Problem[]): void {
  const { isScalar, visit } = yaml();
  visit(doc, {
    Scalar(_, node) {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const found = findControl(node.value);
      if (!found) return;
      const [start = 0, end = start] = node.range ?? [];
      const literal = findControl(source.text.slice(start, end));
      const at = literal ? start + literal.index : start;
      problems.push({
        file: source.file,
        ...position(counter, at),
        message: `control character ${found.shown} in a string: lesson text may hold no terminal control codes`,
      });
    },
  });
}

function yamlMessage(message: string): string {
  // The yaml package appends a source excerpt after the first line; the position says where.
  const first = message.split('\n')[0] ?? message;
  return `YAML: ${first.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function problemAt(p: Parsed, offset: number, message: string): Problem {
  return { file: p.source.file, ...position(p.counter, offset), message };
}

function describeIssue(p: Parsed, issue: v.BaseIssue<unknown>, prefix: PathKey[] = []): Problem {
  const path: PathKey[] = [...prefix, ...(issue.path ?? []).map((item) => item.key as PathKey)];
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const guess = closest(String(last), FIELD_NAMES);
    const hint = guess ? ` (did you mean "${guess}"?)` : '';
    return problemAt(p, locate(p.doc, path).offset, `unknown field "${String(last)}"${hint}`);
  }
  if (issue.type === 'strict_object' || issue.received === 'undefined' || issue.input === undefined) {
    return problemAt(p, valueOffset(p.doc, parent), `missing field "${String(last)}"`);
  }
  if (issue.type === 'variant' && last === 'kind') {
    const message = `unknown step kind "${jsonText(issue.input)}" (known kinds: ${KNOWN_KINDS.join(', ')})`;
    return problemAt(p, valueOffset(p.doc, path), message);
  }
  const name = typeof last === 'number' ? `item ${last + 1}` : `"${String(last ?? 'lesson')}"`;
  return problemAt(p, valueOffset(p.doc, path), `${name} ${issue.message}`);
}

function manifestFields(
  step: Extract<StepInput, { kind: 'manifest' }>,
  stepPath: PathKey[],
  lesson: Parsed,
  manifest: Parsed,
  problems: Problem[],
): ManifestField[] {
  return step.fields.flatMap((field, i): ManifestField[] => {
    const here = valueOffset(lesson.doc, [...stepPath, 'fields', i, 'path']);
    const keys = parseFieldPath(field.path);
    if (!keys) {
      problems.push(problemAt(lesson, here, `"path" is not a field path like spec.ports[0].nodePort: "${field.path}"`));
      return [];
    }
    const found = locate(manifest.doc, keys);
    if (!found.found) {
      problems.push(problemAt(lesson, here, `field "${field.path}" is not in ${step.file}`));
      return [];
    }
    return [{ path: field.path, note: field.note, line: position(manifest.counter, found.offset).line }];
  });
}

function buildStep(step: StepInput, stepPath: PathKey[], lesson: Parsed, manifests: ReadonlyMap<string, Parsed | null>, problems: Problem[]): Step | null {
  const manifestFor = (file: string, at: PathKey[]): Parsed | null | undefined => {
    if (!manifests.has(file)) {
      problems.push(problemAt(lesson, valueOffset(lesson.doc, at), `manifest "${file}" not found in manifests/`));
      return undefined;
    }
    return manifests.get(file) ?? null;
  };
  const { diagram } = step;
  const notes = step.notes?.map((n): WorldNote => ({
    world: n.world,
    text: n.text,
    ...(n.flavour === undefined ? {} : { flavours: typeof n.flavour === 'string' ? [n.flavour] : n.flavour }),
  }));
  const common = {
    id: step.id,
    title: step.title,
    text: step.text,
    ...(notes ? { notes } : {}),
    ...(diagram ? { diagram } : {}),
    ...(step.deep ? { deep: true } : {}),
  };
  switch (step.kind) {
    case 'read':
      return { kind: 'read', ...common };
    case 'do': {
      const goal = step.goal.map((input, i) => {
        const found: GoalProblem[] = [];
        const condition = readCondition(input, found);
        for (const problem of found) problems.push(problemAt(lesson, valueOffset(lesson.doc, [...stepPath, 'goal', i, ...problem.path]), problem.message));
        return condition;
      });
      step.solutions?.forEach((solution, s) =>
        solution.forEach((line, l) => {
          const at = valueOffset(lesson.doc, [...stepPath, 'solutions', s, l]);
          for (const message of templateProblems(line)) problems.push(problemAt(lesson, at, message));
          const program = line.trim().split(/\s+/)[0] ?? '';
          const read = understand(line.replace(/\{\{[^}]*\}\}/g, '1'));
          if (!read.ok && (program === 'kubectl' || program === 'k'))
            problems.push(problemAt(lesson, at, `kubectl would not understand this command: ${read.error}`));
        }),
      );
      return { kind: 'do', ...common, goal, hints: step.hints, ...(step.solutions ? { solutions: step.solutions } : {}) };
    }
    case 'trace': {
      const { request } = step;
      const needs = request.from === 'load-balancer' ? (['service'] as const) : request.from === 'pod' ? (['url', 'pod'] as const) : (['url'] as const);
      const missing = needs.filter((field) => request[field] === undefined);
      for (const field of missing) {
        problems.push(problemAt(lesson, valueOffset(lesson.doc, [...stepPath, 'request']), `a request from ${request.from} needs "${field}"`));
      }
      for (const message of request.url ? templateProblems(request.url) : []) {
        problems.push(problemAt(lesson, valueOffset(lesson.doc, [...stepPath, 'request', 'url']), message));
      }
      return missing.length ? null : { kind: 'trace', ...common, request: step.request, predict: step.predict };
    }
    case 'quiz': {
      if (step.questions.length === 0 && !step.review) {
        problems.push(problemAt(lesson, valueOffset(lesson.doc, stepPath), 'a quiz needs questions, or review: true'));
        return null;
      }
      const checked = readQuestions(step.questions);
      if (!checked.ok) {
        for (const problem of checked.problems) {
          const at = [...stepPath, 'questions', ...problem.path];
          problems.push(problemAt(lesson, valueOffset(lesson.doc, at), problem.message));
        }
        return null;
      }
      return { kind: 'quiz', ...common, questions: checked.questions, review: step.review };
    }
    case 'manifest': {
      const manifest = manifestFor(step.file, [...stepPath, 'file']);
      if (!manifest) return null;
      const fields = manifestFields(step, stepPath, lesson, manifest, problems);
      return { kind: 'manifest', ...common, file: step.file, source: manifest.source.text, fields };
    }
    case 'compare': {
      const sides = (['left', 'right'] as const).map((name) => {
        const side = step[name];
        const at = [...stepPath, name];
        const given = [side.code, side.file, side.command].filter((x) => x !== undefined).length;
        if (given !== 1) {
          problems.push(problemAt(lesson, valueOffset(lesson.doc, at), `"${name}" needs exactly one of "code", "file" or "command"`));
          return null;
        }
        if (side.code !== undefined) return { title: side.title, code: side.code };
        if (side.command !== undefined) return { title: side.title, command: side.command };
        const manifest = manifestFor(side.file!, [...at, 'file']);
        return manifest ? { title: side.title, code: manifest.source.text.trimEnd() } : null;
      });
      const [left, right] = sides;
      return left && right ? { kind: 'compare', ...common, left, right, rows: step.rows } : null;
    }
  }
}

function buildSteps(lesson: Parsed, raws: readonly unknown[], manifests: ReadonlyMap<string, Parsed | null>, problems: Problem[]): Step[] {
  const seen = new Set<string>();
  const steps: Step[] = [];
  raws.forEach((raw, i) => {
    const stepPath = ['steps', i];
    const result = v.safeParse(stepSchema, raw, { abortEarly: false });
    if (!result.success) {
      append(
        problems,
        result.issues.map((issue) => describeIssue(lesson, issue, stepPath)),
      );
      return;
    }
    const step = result.output;
    const texts: [PathKey[], string][] = [[[...stepPath, 'text'], step.text]];
    if (step.kind === 'do') step.hints.forEach((hint, h) => texts.push([[...stepPath, 'hints', h], hint]));
    step.notes?.forEach((note, n) => {
      texts.push([[...stepPath, 'notes', n, 'text'], note.text]);
      if (note.world === 'lab' && note.flavour !== undefined)
        problems.push(problemAt(lesson, valueOffset(lesson.doc, [...stepPath, 'notes', n, 'flavour']), 'a flavour is for world: cluster; the lab has none'));
    });
    for (const [at, body] of texts) {
      for (const message of templateProblems(body)) problems.push(problemAt(lesson, valueOffset(lesson.doc, at), message));
    }
    if (seen.has(step.id)) {
      problems.push(problemAt(lesson, valueOffset(lesson.doc, [...stepPath, 'id']), `duplicate step id "${step.id}"`));
    }
    seen.add(step.id);
    const built = buildStep(step, stepPath, lesson, manifests, problems);
    if (built) steps.push(built);
  });
  return steps;
}

export interface LoadOptions {
  /** Replay each lesson's solutions (lint does): a solution that misses its goal is a problem. */
  readonly replay?: boolean;
}

/** Checks every lesson file against format 1 and the manifests it refers to. Pure: no I/O. */
export function loadCourse(sources: CourseSources, options: LoadOptions = {}): LoadResult {
  const problems: Problem[] = [];
  if (sources.lessons.length === 0) {
    return { ok: false, problems: [{ file: '.', line: 1, col: 1, message: 'no lesson files (*.yml) found' }] };
  }
  const manifests = new Map<string, Parsed | null>();
  for (const [name, source] of sources.manifests) manifests.set(name, parse(source, problems));

  const lessons: Lesson[] = [];
  const parsedOf = new Map<Lesson, Parsed>();
  const ids = new Map<string, string>();
  for (const source of sources.lessons) {
    const parsed = parse(source, problems);
    if (!parsed) continue;
    let data: unknown;
    try {
      data = parsed.doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      problems.push({ file: source.file, line: 1, col: 1, message: `YAML: ${(error as Error).message}` });
      continue;
    }
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id === 'string') {
      const first = ids.get(id);
      if (first !== undefined) {
        problems.push(problemAt(parsed, valueOffset(parsed.doc, ['id']), `duplicate lesson id "${id}" (first used in ${first})`));
      } else {
        ids.set(id, source.file);
      }
    }
    const raws = (data as { steps?: unknown } | null)?.steps;
    const steps = Array.isArray(raws) ? buildSteps(parsed, raws, manifests, problems) : [];
    const result = v.safeParse(lessonSchema, data, { abortEarly: false });
    if (!result.success) {
      append(
        problems,
        result.issues.map((issue) => describeIssue(parsed, issue)),
      );
      continue;
    }
    const { id: lessonId, title, summary, setup, deep } = result.output;
    // Every step of a deep lesson is a deep dive too, so a step says so wherever it is drawn.
    const marked = deep ? steps.map((step) => ({ ...step, deep: true })) : steps;
    const lesson: Lesson = { id: lessonId, title, summary, steps: marked, setup, file: source.file, ...(deep ? { deep: true } : {}) };
    lessons.push(lesson);
    parsedOf.set(lesson, parsed);
  }
  if (options.replay && problems.length === 0) {
    const files = courseFiles({ lessons });
    lessons.forEach((lesson, i) => {
      const parsed = parsedOf.get(lesson);
      if (!parsed) return;
      for (const failure of replayLesson(lesson, i + 1, files)) {
        problems.push(problemAt(parsed, valueOffset(parsed.doc, ['steps', failure.step, 'solutions', failure.solution]), failure.message));
      }
    });
  }
  duplicateQuestions(parsedOf, problems);
  citedTooEarly(lessons, parsedOf, sources.manifests, problems);
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, course: { lessons: gatherReviews(lessons) } };
}

/**
 * Fills each review quiz with the questions of every other quiz in the course, in course order,
 * and notes which of them come from deep dives (a review on the core path leaves those out).
 */
function gatherReviews(lessons: Lesson[]): Lesson[] {
  const quizzes = lessons.flatMap((l) => l.steps.flatMap((s) => (s.kind === 'quiz' && !s.review ? [s] : [])));
  const all = quizzes.flatMap((s) => s.questions);
  const deep = quizzes.flatMap((s) => (s.deep ? s.questions.map((q) => q.id) : []));
  return lessons.map((lesson) => ({
    ...lesson,
    steps: lesson.steps.map((step) =>
      step.kind === 'quiz' && step.review ? { ...step, questions: [...step.questions, ...all], ...(deep.length ? { deepQuestions: deep } : {}) } : step,
    ),
  }));
}

/** A quiz may cite a manifest, an object of it or its pinned node port only once a step before it has shown them. */
function citedTooEarly(lessons: readonly Lesson[], parsed: ReadonlyMap<Lesson, Parsed>, manifests: ReadonlyMap<string, SourceFile>, problems: Problem[]): void {
  const facts = [...manifests].flatMap(([name, source]) => (source.tooLarge ? [] : manifestFacts(name, source.text)));
  for (const late of lateCitations(lessons, facts)) {
    const lesson = lessons[late.lesson]!;
    const p = parsed.get(lesson);
    const step = lesson.steps[late.step];
    if (!p || !step) continue;
    const rawIds = ((p.doc.toJS({ maxAliasCount: 50 }) as { steps?: { id?: unknown }[] }).steps ?? []).map((raw) => raw?.id);
    const at = valueOffset(p.doc, ['steps', rawIds.indexOf(step.id), 'questions', late.question, 'id']);
    const where = step.deep || lesson.deep ? 'no step before it' : 'no core step before it';
    problems.push(problemAt(p, at, `this question cites "${late.fact}", which ${where} shows: ask it after the step that introduces it`));
  }
}

/** Question ids must be unique across the course: a review gathers them, and progress keeps answers by id. */
function duplicateQuestions(parsed: ReadonlyMap<Lesson, Parsed>, problems: Problem[]): void {
  const seen = new Map<string, string>();
  for (const [lesson, p] of parsed) {
    const rawIds = ((p.doc.toJS({ maxAliasCount: 50 }) as { steps?: { id?: unknown }[] }).steps ?? []).map((raw) => raw?.id);
    lesson.steps.forEach((step) => {
      if (step.kind !== 'quiz') return;
      const stepIndex = rawIds.indexOf(step.id);
      step.questions.forEach((q, i) => {
        const first = seen.get(q.id);
        if (first === undefined) {
          seen.set(q.id, lesson.file);
          return;
        }
        const at = valueOffset(p.doc, ['steps', stepIndex, 'questions', i, 'id']);
        problems.push(problemAt(p, at, `question id "${q.id}" is already used in ${first} (question ids are unique across the course)`));
      });
    });
  }
}
