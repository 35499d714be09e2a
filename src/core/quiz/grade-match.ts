// Grading a `match` question pair by pair; every wrong pair is explained.
import { shareOk, type Graded } from './graded.js';
import type { MatchQuestion, ResponseOf } from './model.js';
import { quoted } from './wording.js';

export function gradeMatch(question: MatchQuestion, response: ResponseOf<'match'>): Graded {
  const { pairs } = question;
  const parts = pairs.map((_, index) => ({ index, ok: response.matches[index] === index }));
  const correct = parts.every((p) => p.ok);
  if (correct) return { correct, score: 1, parts, lines: [`All ${pairs.length} pairs are right.`] };
  const lines = pairs.flatMap((pair, index) => {
    if (parts[index]!.ok) return [];
    const chosen = response.matches[index];
    const other = chosen === null || chosen === undefined ? undefined : pairs[chosen];
    const head = other
      ? `${quoted(pair.left)} goes with ${quoted(pair.right)}, not ${quoted(other.right)}.`
      : `${quoted(pair.left)} has no match: it goes with ${quoted(pair.right)}.`;
    return [`${head} ${pair.why}`];
  });
  return { correct, score: shareOk(parts), parts, lines };
}
