// The quiz engine: questions as data, grading, placeholders, a quiz session, lint. No I/O, no UI.
export { CONCEPT_LABELS, CONCEPTS, isConcept, type Concept } from './concepts.js';
export * from './model.js';
export {
  fillQuestion,
  fillText,
  KNOWN_FACTS,
  missingFacts,
  placeholdersIn,
  prepareQuestions,
  requiredFacts,
  resolveFacts,
  unknownPlaceholders,
  type PathKey,
  type ResolvedFacts,
  type SkippedQuestion,
} from './facts.js';
export { giveUp, grade, readyQuestion } from './grade.js';
export { correctResponse } from './answer-key.js';
export { revealAnswer } from './reveal.js';
export { presentQuestion, type PresentedQuestion } from './present.js';
export {
  currentQuestion,
  quizPhase,
  quizProgress,
  quizReducer,
  startQuiz,
  type QuizAction,
  type QuizOptions,
  type QuizPhase,
  type QuizState,
  type Turn,
} from './session.js';
export { conceptResults, credit, standing, type ConceptResult, type ConceptStanding, type QuestionRecord } from './mastery.js';
export { nextSteps, summary, type NextContext, type QuizSummary, type Revisit, type SummaryOptions } from './summary.js';
export { planReview, priority, interleave, startReview, ROUND_SIZE, REVIEW_RETRY_GAP, type ReviewOptions, type ReviewPlan } from './review.js';
export { emptyHistory, recordAnswer, type History, type QuestionHistory } from './history.js';
export { bestResult, parseQuizResult, type QuizResult } from './result.js';
export { checkQuestion, checkQuestions, formatQuizProblem, readQuestions, type LintOptions, type QuizProblem } from './lint.js';
export { questionSchema, ruleSchema } from './schema.js';
