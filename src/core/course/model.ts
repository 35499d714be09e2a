// The course as the runner sees it: lessons made of steps, all plain data.
import type { Question } from '../quiz/index.js';
import type { Condition } from './goals.js';
import { visibleControls } from '../visible-controls.js';
import type { WorldNote } from './world-notes.js';

export interface Diagram {
  /** One of the diagrams the app knows how to draw (see DIAGRAM_NAMES). */
  readonly name: DiagramName;
  /** What the diagram shows, in words: printed instead of the drawing in --plain and `print`. */
  readonly description: string;
  /** Numbers the drawing shows (nodePort, port, targetPort), so a diagram matches its lesson. */
  readonly ports?: Readonly<Partial<Record<'nodePort' | 'port' | 'targetPort', number>>>;
}

export const DIAGRAM_NAMES = ['unreachable-pod', 'service-types', 'three-ports', 'request-path'] as const;
export type DiagramName = (typeof DIAGRAM_NAMES)[number];

interface StepBase {
  readonly id: string;
  readonly title: string;
  /** Prose: paragraphs split by blank lines, `- ` bullets, `$ ` command lines, `code` spans. */
  readonly text: string;
  readonly diagram?: Diagram;
  /** A deep dive: off the core path; the learner takes it or passes over it (see lessons/README.md). */
  readonly deep?: boolean;
  /** Text shown after `text` in one world only: the lab, or a real cluster (of some flavours). */
  readonly notes?: readonly WorldNote[];
}

export interface ReadStep extends StepBase {
  readonly kind: 'read';
}

export interface ManifestField {
  /** Where the field sits in the manifest, e.g. `spec.ports[0].nodePort`. */
  readonly path: string;
  readonly note: string;
  /** 1-based line of the field in the manifest file, found at load time. */
  readonly line: number;
}

export interface ManifestStep extends StepBase {
  readonly kind: 'manifest';
  /** File name inside the lessons' manifests/ folder. */
  readonly file: string;
  /** The manifest's text as the learner will see it. */
  readonly source: string;
  readonly fields: readonly ManifestField[];
}

export interface CompareSide {
  readonly title: string;
  /** Fixed text, or... */
  readonly code?: string;
  /** ...a sandbox command whose output, in the learner's own cluster, is shown instead. */
  readonly command?: string;
}

export interface CompareRow {
  readonly aspect: string;
  readonly left: string;
  readonly right: string;
}

export interface CompareStep extends StepBase {
  readonly kind: 'compare';
  readonly left: CompareSide;
  readonly right: CompareSide;
  readonly rows: readonly CompareRow[];
}

/** Practice: the learner runs commands in the lesson's cluster until every goal condition holds. */
export interface DoStep extends StepBase {
  readonly kind: 'do';
  readonly goal: readonly Condition[];
  /** Revealed one at a time, on request. */
  readonly hints: readonly string[];
  /**
   * Ways to meet the goal, each a list of command lines (`{{...}}` filled from the cluster): lint
   * replays them, and a command close to one of their lines is told what it misses.
   */
  readonly solutions?: readonly (readonly string[])[];
}

/** Questions on the lesson's ideas, answered by keys, with feedback after each answer. */
export interface QuizStep extends StepBase {
  readonly kind: 'quiz';
  readonly questions: readonly Question[];
  /** A review quiz: its questions were gathered from the other quizzes when the course loaded. */
  readonly review: boolean;
  /** In a review: the ids of the gathered questions that come from deep dives. */
  readonly deepQuestions?: readonly string[];
}

/** A request to follow hop by hop through the learner's own cluster. */
export interface TraceSpec {
  readonly from: 'outside' | 'pod' | 'load-balancer';
  /** For outside and pod: where to, e.g. http://{{pod.my-first-pod.nodeIP}}:{{service.my-first-service.nodePort}}. */
  readonly url?: string;
  /** For from: pod, the pod the request starts in. */
  readonly pod?: string;
  /** For from: load-balancer, the LoadBalancer service. */
  readonly service?: string;
}

export interface TraceStep extends StepBase {
  readonly kind: 'trace';
  readonly request: TraceSpec;
  /** Ask the learner where the request will end before showing the trace. */
  readonly predict: boolean;
}

export type Step = ReadStep | ManifestStep | CompareStep | DoStep | QuizStep | TraceStep;
export type StepKind = Step['kind'];

export interface Lesson {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly Step[];
  /** Sandbox commands run on the lesson's fresh cluster before the learner arrives. */
  readonly setup: readonly string[];
  /** Where the lesson came from, for messages. */
  readonly file: string;
  /** The whole lesson is a deep dive: the core path passes over it. */
  readonly deep?: boolean;
}

export interface Course {
  readonly lessons: readonly Lesson[];
}

/** A problem in a lesson file, with the place it was found (1-based line and column). */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** The key a step's record goes under (quiz results, practice): `lesson-id/step-id`. */
export function placeKey(lesson: { readonly id: string }, step: { readonly id: string }): string {
  return `${lesson.id}/${step.id}`;
}

export function formatProblem(p: Problem): string {
  // File names and messages quote what a lesson folder holds: shown, never obeyed, by the terminal.
  return visibleControls(`${p.file}:${p.line}:${p.col}: ${p.message}`);
}
