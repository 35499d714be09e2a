// Ink's measure-text.js with a bounded memory: Ink keeps the size of every text it has ever
// measured in a Map that only grows, so over a whole course every line of prose, output and trace
// ever drawn stayed in memory. The same answers, from remember.ts's bounded cache. The bundle uses
// this in Ink's place (scripts/build.mjs); test/ui/ink-text-caches.test.ts holds it equal to Ink's.
import { remember } from './remember.js';
import widestLine from './widest-line.js';

export interface Dimensions {
  readonly width: number;
  readonly height: number;
}

const measured = remember((text): Dimensions => ({ width: widestLine(text), height: text.split('\n').length }));

export default function measureText(text: string): Dimensions {
  if (text.length === 0) return { width: 0, height: 0 };
  return measured(text);
}
