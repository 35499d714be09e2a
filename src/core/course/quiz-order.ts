// A quiz asks only about what came before it. Checked for the facts a lint can recognise for sure:
// the course's manifests, their objects' names and their pinned node ports. A question that cites
// one of them (say `31231`, or `myapp-pod-nodeport-service`) before any earlier step has shown it
// is a problem. A core quiz counts only core steps as "before": deep dives may be passed over.
import { yaml } from '../yaml.js';
import type { Lesson, Step } from './model.js';
import { append } from '../append.js';

export interface LateCitation {
  readonly lesson: number;
  readonly step: number;
  readonly question: number;
  readonly fact: string;
}

/** The facts a manifest brings: its file name, its objects' names, the node ports it pins. */
export function manifestFacts(file: string, text: string): string[] {
  const facts = new Set<string>([file]);
  for (const doc of yaml().parseAllDocuments(text)) {
    if (!('toJS' in doc)) continue;
    const data = doc.toJS() as { metadata?: { name?: unknown }; spec?: { ports?: { nodePort?: unknown }[] } } | null;
    if (typeof data?.metadata?.name === 'string') facts.add(data.metadata.name);
    for (const port of data?.spec?.ports ?? []) if (typeof port?.nodePort === 'number') facts.add(String(port.nodePort));
  }
  return [...facts];
}

/** Whether `text` mentions `fact` as a whole word (`myapp-pod` is not in `myapp-pod-nodeport-service`). */
export function mentions(text: string, fact: string): boolean {
  const escaped = fact.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.-])${escaped}(?![\\w-]|\\.\\w)`).test(text);
}

/** Everything a step shows the learner, as one text. */
function shown(step: Step): string {
  const parts = [step.title, step.text, step.diagram?.description ?? ''];
  switch (step.kind) {
    case 'manifest':
      parts.push(step.file, step.source);
      append(
        parts,
        step.fields.map((f) => f.note),
      );
      break;
    case 'compare':
      for (const side of [step.left, step.right]) parts.push(side.title, side.code ?? '', side.command ?? '');
      for (const row of step.rows) parts.push(row.aspect, row.left, row.right);
      break;
    case 'do':
      append(parts, step.hints);
      break;
    case 'trace':
      parts.push(step.request.url ?? '', step.request.pod ?? '', step.request.service ?? '');
      break;
    default:
      break;
  }
  return parts.join('\n');
}

/** Every question that cites a manifest fact that no step before it (on its path) has shown. */
export function lateCitations(lessons: readonly Lesson[], facts: readonly string[]): LateCitation[] {
  const seenCore = new Set<string>();
  const seenAll = new Set<string>();
  const out: LateCitation[] = [];
  lessons.forEach((lesson, l) => {
    lesson.steps.forEach((step, s) => {
      const deep = Boolean(lesson.deep || step.deep);
      if (step.kind === 'quiz' && !step.review) {
        const seen = deep ? seenAll : seenCore;
        step.questions.forEach((question, q) => {
          const text = JSON.stringify(question);
          for (const fact of facts) if (!seen.has(fact) && mentions(text, fact)) out.push({ lesson: l, step: s, question: q, fact });
        });
      }
      if (step.kind === 'quiz') return;
      const text = shown(step);
      for (const fact of facts) {
        if (!mentions(text, fact)) continue;
        seenAll.add(fact);
        if (!deep) seenCore.add(fact);
      }
    });
  });
  return out;
}
