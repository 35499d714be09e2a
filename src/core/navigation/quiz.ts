// The quiz screen: a quiz step's questions, the answer being built, and what each answer records.
import type { Navigate, NavAction, NavState } from '../course/navigation.js';
import { placeKey, type Course, type Lesson, type QuizStep } from '../course/model.js';
import { startPractice } from '../course/practice.js';
import { freshSheet, responseFrom, updateSheet } from './answer-sheet.js';
import { quizFacts } from '../course/quiz-facts.js';
import { recordQuestion, recordQuiz } from '../progress/model.js';
import { getOwn } from '../own.js';
import { numberInWords } from '../quiz/typed-rules.js';
import {
  quizPhase,
  quizReducer,
  startQuiz,
  startReview,
  summary,
  type Concept,
  type Facts,
  type Question,
  type QuizAction,
  type QuizState,
} from '../quiz/index.js';
import { emptyPrompt } from '../course/practice.js';
import { currentStep, takesDeepDives } from './place.js';

export type QuizScreenAction = Extract<NavAction, { type: `quiz-${string}` }>;

/** The quiz on screen and its key, when the step is a quiz. */
export function currentQuiz(state: NavState): { key: string; quiz: QuizState } | null {
  const here = currentStep(state);
  if (!here || here.step.kind !== 'quiz') return null;
  const key = placeKey(here.lesson, here.step);
  const quiz = state.quizzes[key];
  return quiz ? { key, quiz } : null;
}

/** Starts the quiz of a quiz step the first time the learner arrives, with facts from their cluster. */
export function ensureQuiz(state: NavState): NavState {
  const here = currentStep(state);
  if (!here || here.step.kind !== 'quiz') return { ...state, sheet: null };
  const key = placeKey(here.lesson, here.step);
  const quiz = state.quizzes[key] ?? beginQuiz(state, here.step, here.index, learnerFacts(state, here.lesson));
  const turn = quiz.current;
  return { ...state, quizzes: { ...state.quizzes, [key]: quiz }, sheet: turn ? freshSheet(turn.presented) : null };
}

/** A lesson's quiz asks its questions; a review asks a round planned from the learner's history. */
function beginQuiz(state: NavState, step: QuizStep, lessonIndex: number, facts: Facts): QuizState {
  if (!step.review) return startQuiz(step.questions, { seed: state.seed + lessonIndex, facts });
  const history = state.progress.history;
  return startReview(reviewPool(state, step), { seed: state.seed + lessonIndex + (history?.answers ?? 0), facts, ...(history ? { history } : {}) });
}

/** A review's questions: on the core path, those of the core quizzes and of any deep dive the learner has answered. */
export function reviewPool(state: NavState, step: QuizStep): readonly Question[] {
  if (takesDeepDives(state)) return step.questions;
  const deep = new Set(step.deepQuestions ?? []);
  const answered = state.progress.history?.questions ?? {};
  return step.questions.filter((q) => !deep.has(q.id) || answered[q.id] !== undefined);
}

/**
 * Facts for personal questions: from this lesson's cluster, else from the latest lesson where the
 * learner made a NodePort service (a review quiz's own cluster is empty).
 */
function learnerFacts(state: NavState, lesson: Lesson): Facts {
  const here = quizFacts(getOwn(state.practice, lesson.id)?.shell.cluster);
  if (Object.keys(here).length > 0) return here;
  for (const other of [...state.course.lessons].reverse()) {
    const facts = quizFacts(getOwn(state.practice, other.id)?.shell.cluster);
    if (Object.keys(facts).length > 0) return facts;
  }
  // No cluster of the learner's has a NodePort service yet (the review opened straight away): the
  // latest lesson whose setup makes one lends its seeded cluster, so every question is asked
  // whichever way the learner came.
  const lessons = state.course.lessons;
  for (let i = lessons.length - 1; i >= 0; i--) {
    const other = lessons[i]!;
    if (other.setup.length === 0) continue;
    const facts = quizFacts(startPractice(other, state.seed + i, state.files).shell.cluster);
    if (Object.keys(facts).length > 0) return facts;
  }
  return {};
}

/** For "worth another look": each concept with the lessons whose own quizzes ask about it. */
export function conceptLessons(course: Course): Partial<Record<Concept, string[]>> {
  const map: Partial<Record<Concept, string[]>> = {};
  for (const lesson of course.lessons) {
    for (const step of lesson.steps) {
      if (step.kind !== 'quiz' || step.review) continue;
      for (const concept of new Set(step.questions.flatMap((q) => q.concepts))) {
        const list = (map[concept] ??= []);
        if (!list.includes(lesson.title)) list.push(lesson.title);
      }
    }
  }
  return map;
}

function quizStep(state: NavState, action: QuizAction): NavState {
  const found = currentQuiz(state);
  if (!found) return state;
  const quiz = quizReducer(found.quiz, action);
  // Every answer is kept at once, so a quiz left at any point has counted what was answered.
  const answered = quiz.current && !found.quiz.current?.grade ? quiz.current : null;
  const progress = answered?.grade ? recordQuestion(state.progress, answered.presented.question.id, answered.grade.correct) : state.progress;
  const next: NavState = { ...state, progress, quizzes: { ...state.quizzes, [found.key]: quiz } };
  if (quizPhase(quiz) === 'done' && quizPhase(found.quiz) !== 'done') {
    const result = summary(quiz, { conceptLessons: conceptLessons(state.course) }).result;
    return { ...next, progress: recordQuiz(next.progress, found.key, result) };
  }
  return next;
}

/** The quiz screen's actions; `move` takes the learner on to the next step once the quiz is done. */
export function quizScreen(state: NavState, action: QuizScreenAction, move: Navigate): NavState {
  switch (action.type) {
    case 'quiz-sheet': {
      const turn = currentQuiz(state)?.quiz.current;
      if (!turn || turn.grade || !state.sheet) return state;
      return { ...state, sheet: updateSheet(state.sheet, turn.presented, action.action) };
    }
    case 'quiz-submit': {
      const found = currentQuiz(state);
      if (!found) return state;
      const phase = quizPhase(found.quiz);
      if (phase === 'done') return move(state, { type: 'next-step' });
      const turn = found.quiz.current;
      if (!turn || !state.sheet) return state;
      if (phase === 'question') {
        const typed = turn.presented.question;
        if (typed.kind === 'typed' && state.prompt.editor.text.trim() === '') return state;
        const inWords = typed.kind === 'typed' ? numberInWords(typed.answer, state.prompt.editor.text) : null;
        if (inWords) return { ...state, notice: inWords };
        // Enter before any option is ticked or any term matched is a slip (enter taken for space), not
        // an answer: every such question has a right option or pair.
        const kind = turn.presented.question.kind;
        if (kind === 'single' && state.sheet.picked === false)
          return { ...state, notice: "Nothing chosen yet: ↑/↓ or the option's number chooses one, then enter answers." };
        if (kind === 'bug' && state.sheet.picked === false)
          return { ...state, notice: 'No line chosen yet: ↓ or ↑ chooses a line of the manifest, then enter answers.' };
        if (kind === 'multiple' && state.sheet.chosen.length === 0)
          return { ...state, notice: 'Nothing ticked yet: space ticks the option under the cursor, then enter answers.' };
        // An order may be right as shown: an enter on it untouched is told so, and the next one answers.
        if (kind === 'order' && state.sheet.picked === false)
          return {
            ...state,
            sheet: { ...state.sheet, picked: true },
            notice: 'Nothing moved yet: space picks up an item and ↑/↓ carry it. Enter again keeps this order.',
          };
        if (kind === 'match' && state.sheet.matches.every((m) => m === null))
          return { ...state, notice: 'Nothing matched yet: on each term, type the number of its choice (or use ←/→), then enter answers.' };
        const response = responseFrom(state.sheet, turn.presented, state.prompt.editor.text);
        return quizStep(state, { type: 'answer', response });
      }
      const after = quizStep(state, { type: 'next' });
      const upcoming = currentQuiz(after)?.quiz.current;
      return { ...after, sheet: upcoming ? freshSheet(upcoming.presented) : null, prompt: emptyPrompt };
    }
    case 'quiz-give-up': {
      const found = currentQuiz(state);
      return found && quizPhase(found.quiz) === 'question' ? quizStep(state, { type: 'give-up' }) : state;
    }
    case 'quiz-restart': {
      const found = currentQuiz(state);
      if (!found || quizPhase(found.quiz) !== 'done') return state;
      const others = Object.fromEntries(Object.entries(state.quizzes).filter(([key]) => key !== found.key));
      return ensureQuiz({ ...state, quizzes: others, prompt: emptyPrompt });
    }
  }
}
