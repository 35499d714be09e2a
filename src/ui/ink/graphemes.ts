// Grapheme clusters exactly as `new Intl.Segmenter()` splits them, without ICU where the answer is
// known: Ink's text packages (string-width, slice-ansi, ansi-tokenize) each made a segmenter as
// their module loaded, and the first one loads ICU's break data (2.7 MiB of the course's memory)
// for text that is nearly always plain. The build (scripts/grapheme-stand-in.mjs) hands them this
// object instead; test/ui/graphemes.test.ts holds it equal to ICU's segmenter.
//
// When may two code points share a grapheme cluster? By Unicode's rules (UAX #29, "Grapheme
// Cluster Boundary Rules"), a break is suppressed only by GB3 (CR × LF), GB6-GB8 (Hangul: L before
// L/V/LV/LVT, V or T after LV/V/LVT/T), GB9 (× Extend or ZWJ), GB9a (× SpacingMark), GB9b
// (Prepend ×), GB9c (a conjunct: consonant, Extend and Linker marks, consonant; a Linker is an
// Extend), GB11 (an emoji after a ZWJ) and GB12/13 (a pair of regional indicators). Every one of
// them needs one of CR, Extend, ZWJ, SpacingMark, Prepend, L, V, T or Regional_Indicator in the
// pair (LV and LVT syllables only join an L before them or a V or T after them). A string with
// none of those is split at every code point: GB999, "break everywhere else".
//
// JOINING below holds all of them, generously: Grapheme_Extend (Extend but emoji modifiers), every
// spacing mark (Mc, and Thai and Lao SARA AM), every format character (Cf: ZWJ, the prepended
// concatenation marks, and the rest, which always break and cost nothing here), emoji modifiers,
// regional indicators, Hangul jamo, the Malayalam dot reph, and whole blocks of the Brahmic
// scripts of the supplementary planes, whose few prepending letters each Unicode version extends.
// The test checks every code point outside it against the running ICU.

/** One grapheme, as Intl.Segmenter's iterator hands it out. */
export interface Grapheme {
  segment: string;
  index: number;
  input: string;
}

/** What `segment()` returns: the graphemes in order, and the one around a code unit. */
export interface Graphemes extends Iterable<Grapheme> {
  containing(index?: number): Grapheme | undefined;
}

/** The joining code points, as a class of a regular expression made on first need. */
export const JOINING = [
  '[\\r\\p{Grapheme_Extend}\\p{Mc}\\p{Cf}\\p{Emoji_Modifier}\\p{Regional_Indicator}',
  '\\u0d4e\\u0e33\\u0eb3\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff\\u{11000}-\\u{11fff}\\u{16000}-\\u{16fff}]',
].join('');
let joining: RegExp | undefined;

/** Whether some code point of the text can join a neighbour into one grapheme (see above). */
export function mayJoin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d) return true; // GB3: CR LF
    // Nothing below the combining diacritical marks (U+0300) joins anything but CR.
    // A class of single code points, marks among them on purpose: none is meant to combine with the one before.
    // eslint-disable-next-line no-misleading-character-class
    if (code >= 0x300 && !quiet(code)) return (joining ??= new RegExp(JOINING, 'u')).test(text);
  }
  return false;
}

/**
 * Punctuation, arrows, box drawing, shapes and other symbols the course draws with, none of which
 * is in JOINING (test/ui/graphemes.test.ts checks every code point): no need to compile the class,
 * which reads ICU's property data, for them.
 */
export const quiet = (code: number): boolean =>
  (code >= 0x2010 && code <= 0x2027) || // dashes, quotes, bullets, the ellipsis (not the format characters after them)
  (code >= 0x2030 && code <= 0x205f) ||
  (code >= 0x2190 && code <= 0x2bff); // arrows, operators, technical, box drawing, blocks, shapes, symbols, dingbats

/** The code point at `index` (a lone surrogate alone), as a grapheme of `input`. */
function codePointAt(input: string, index: number): Grapheme {
  const code = input.charCodeAt(index);
  const pair = code >= 0xd800 && code <= 0xdbff && index + 1 < input.length && (input.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
  return { segment: input.slice(index, pair ? index + 2 : index + 1), index, input };
}

/** A string with no joining code point: a grapheme per code point. */
class CodePoints implements Graphemes {
  constructor(private readonly input: string) {}

  containing(at?: number): Grapheme | undefined {
    const n = Math.trunc(Number(at)) || 0; // Intl's ToIntegerOrInfinity: undefined and NaN are 0
    if (n < 0 || n >= this.input.length) return undefined;
    const low = (this.input.charCodeAt(n) & 0xfc00) === 0xdc00;
    const start = low && n > 0 && (this.input.charCodeAt(n - 1) & 0xfc00) === 0xd800 ? n - 1 : n;
    return codePointAt(this.input, start);
  }

  [Symbol.iterator](): Iterator<Grapheme> {
    const input = this.input;
    let index = 0;
    return {
      next(): IteratorResult<Grapheme> {
        if (index >= input.length) return { done: true, value: undefined };
        const value = codePointAt(input, index);
        index += value.segment.length;
        return { done: false, value };
      },
    };
  }
}

let icu: Intl.Segmenter | undefined;
let made = 0;

/** Stands in for `new Intl.Segmenter()` (the default locale, by grapheme): ICU only for text that needs it. */
export const graphemes = {
  segment(text: unknown): Graphemes {
    const input = String(text);
    if (!mayJoin(input)) return new CodePoints(input);
    if (icu === undefined) {
      icu = new Intl.Segmenter();
      made++;
    }
    return icu.segment(input);
  },
};

/** How many ICU segmenters the stand-in has made (0 or 1): for the tests. */
export const icuSegmentersMade = (): number => made;
