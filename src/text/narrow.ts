// Characters string-width counts as one column, alone and in any sequence: printable ASCII,
// Latin-1 and the spacing modifiers (but the soft hyphen, which is zero), general punctuation (but
// the bidirectional controls U+202A-U+202E), arrows, box drawing and shapes, and the two check
// marks. None of them joins a neighbour into one grapheme, so such text is as wide as it is long,
// and counting it needs none of string-width's grapheme segmenting or emoji matching.
export const NARROW = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u2010-\u2029\u202f-\u205e\u2190-\u21ff\u2500-\u25fc\u2713\u2717]*$/;
