// Tier: slow (and every build runs it: scripts/build.mjs checks the stand-ins before it ends)
// The bundle draws frames with src/ui/ink/ in place of Ink's own Output and widest-line
// (scripts/build.mjs). Whatever is written, clipped and measured, the result must be Ink's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import Output from '../../src/ui/ink/output.js';
import widestLine from '../../src/ui/ink/widest-line.js';

// Ink's own modules, by file: its package exports only its public API.
const inkFile = (path: string) => new URL(`../../node_modules/${path}`, import.meta.url).href;
const InkOutput = ((await import(inkFile('ink/build/output.js'))) as { default: typeof Output }).default;
const inkWidestLine = ((await import(inkFile('widest-line/index.js'))) as { default: (text: string) => number }).default;

const STYLES = [
  '\u001B[1m',
  '\u001B[22m',
  '\u001B[2m',
  '\u001B[36m',
  '\u001B[39m',
  '\u001B[90m',
  '\u001B[33m',
  '\u001B[7m',
  '\u001B[27m',
  '\u001B[0m',
  '\u001B[38;5;208m',
  '\u001B]8;;https://example.com\u0007',
  '\u001B]8;;\u0007',
];
const CHARS = ['a', 'b', ' ', '─', '•', '→', '界', '🚀', 'e\u0301', '✓', '\t', '\u0000'];
const text = fc
  .array(fc.oneof(fc.constantFrom(...STYLES), fc.constantFrom(...CHARS), fc.constant('\n'), fc.string({ maxLength: 4 })), { maxLength: 30 })
  .map((parts) => parts.join(''));
const bound = fc.option(fc.integer({ min: -2, max: 24 }), { nil: undefined });
const transformers = fc.constantFrom([], [(line: string) => line.toUpperCase()], [(line: string, index: number) => `${index}${line}`]);
const operation = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ type: fc.constant('write' as const), x: fc.integer({ min: -3, max: 24 }), y: fc.integer({ min: -3, max: 8 }), text, transformers }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('clip' as const), clip: fc.record({ x1: bound, x2: bound, y1: bound, y2: bound }) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'unclip' as const }) },
);
const frame = fc.record({ width: fc.integer({ min: 0, max: 20 }), height: fc.integer({ min: 0, max: 6 }), operations: fc.array(operation, { maxLength: 12 }) });

type Frame = typeof frame extends fc.Arbitrary<infer F> ? F : never;

function draw(Kind: typeof Output, { width, height, operations }: Frame) {
  const output = new Kind({ width, height });
  for (const op of operations) {
    if (op.type === 'write') output.write(op.x, op.y, op.text, { transformers: [...op.transformers] });
    else if (op.type === 'clip') output.clip(op.clip);
    else output.unclip();
  }
  return output.get();
}

describe("the bundle's Ink Output", () => {
  it('has the methods of the Output it stands in for', () => {
    const names = (proto: object) => Object.getOwnPropertyNames(proto).sort();
    assert.deepEqual(names(Output.prototype), names(InkOutput.prototype));
  });

  it('gives the frame Ink gives, frame after frame', () => {
    // Several frames a run: what one frame leaves in the caches must not change the next.
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 4 }), (frames) => {
        for (const f of frames) assert.deepEqual(draw(Output, f), draw(InkOutput, f));
      }),
      { numRuns: 500 },
    );
  });

  it('draws a styled full screen as Ink does', () => {
    const line = (n: number) => `\u001B[2mLesson ${n} \u001B[22m\u001B[1mtitle\u001B[22m ${'─'.repeat(40)} \u001B[36mkubectl\u001B[39m 界 🚀`;
    const f: Frame = {
      width: 100,
      height: 30,
      operations: Array.from({ length: 30 }, (_, y) => ({ type: 'write' as const, x: 0, y, text: line(y), transformers: [] })),
    };
    assert.deepEqual(draw(Output, f), draw(InkOutput, f));
  });

  it('measures the widest line as widest-line does', () => {
    fc.assert(fc.property(text, (t) => widestLine(t) === inkWidestLine(t) && widestLine(t) === inkWidestLine(t)));
  });
});
