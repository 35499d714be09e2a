// widest-line as Ink uses it, remembered: Ink measures every text node on every frame, and a line
// with anything beyond ASCII (a rule, a bullet, an arrow) goes through string-width's grapheme
// segmenter each time. The bundle uses this in Ink's place (scripts/build.mjs).
import stringWidth from 'string-width';
import { remember } from './remember.js';

const widest = remember((text) => {
  let width = 0;
  for (const line of text.split('\n')) width = Math.max(width, stringWidth(line));
  return width;
});

export default function widestLine(text: string): number {
  return widest(text);
}
