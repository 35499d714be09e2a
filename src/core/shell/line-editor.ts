// The sandbox prompt's line: text, cursor and history, as a reducer over editing actions.

export interface Editor {
  readonly text: string;
  /**
   * Cursor position as an offset into `text` (UTF-16 units), always between two characters: it
   * never splits an emoji's surrogate pair. An offset, not a character count, so a key costs the
   * same on a 20,000-character pasted line as on a short one.
   */
  readonly cursor: number;
  /** Earlier lines, oldest first. */
  readonly history: readonly string[];
  /** Which history line is shown while browsing (null: the line being written). */
  readonly browsing: number | null;
  /** The line being written, kept while browsing history. */
  readonly draft: string;
}

export type EditAction =
  | { readonly type: 'insert'; readonly text: string }
  | { readonly type: 'backspace' }
  | { readonly type: 'delete' }
  | { readonly type: 'move'; readonly to: 'left' | 'right' | 'home' | 'end' }
  | { readonly type: 'history'; readonly delta: -1 | 1 }
  | { readonly type: 'clear' }
  | { readonly type: 'delete-word' }
  | { readonly type: 'replace'; readonly text: string }
  | { readonly type: 'submit' };

export const emptyEditor: Editor = { text: '', cursor: 0, history: [], browsing: null, draft: '' };

const isLow = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
};

/** The offset one character before `at` (two units back over a surrogate pair). */
const previous = (text: string, at: number): number => (at >= 2 && isLow(text, at - 1) && !isLow(text, at - 2) ? at - 2 : Math.max(0, at - 1));
/** The offset one character after `at`. */
const next = (text: string, at: number): number => (at < text.length - 1 && isLow(text, at + 1) ? at + 2 : Math.min(text.length, at + 1));

const set = (editor: Editor, text: string, cursor = text.length): Editor => {
  let at = Math.max(0, Math.min(text.length, cursor));
  if (at > 0 && at < text.length && isLow(text, at)) at -= 1;
  return { ...editor, text, cursor: at };
};

/** The text before the cursor. */
export const beforeCursor = (editor: Editor): string => editor.text.slice(0, editor.cursor);

export function edit(editor: Editor, action: EditAction): Editor {
  const { cursor, text } = editor;
  const before = text.slice(0, cursor);
  const after = text.slice(cursor);
  switch (action.type) {
    case 'insert':
      return set(editor, before + action.text + after, cursor + action.text.length);
    case 'backspace': {
      if (cursor === 0) return editor;
      const from = previous(text, cursor);
      return set(editor, text.slice(0, from) + after, from);
    }
    case 'delete':
      return set(editor, before + text.slice(next(text, cursor)), cursor);
    case 'move': {
      const to = { left: previous(text, cursor), right: next(text, cursor), home: 0, end: text.length }[action.to];
      return set(editor, text, to);
    }
    case 'delete-word': {
      const kept = before.replace(/\S+\s*$/, '');
      return set(editor, kept + after, kept.length);
    }
    case 'clear':
      return { ...set(editor, ''), browsing: null, draft: '' };
    case 'replace':
      return set(editor, action.text + after, action.text.length);
    case 'history': {
      const { history } = editor;
      if (history.length === 0) return editor;
      const from = editor.browsing ?? history.length;
      const index = Math.max(0, Math.min(history.length, from + action.delta));
      if (index === history.length) return { ...set(editor, editor.draft), browsing: null };
      const draft = editor.browsing === null ? editor.text : editor.draft;
      return { ...set(editor, history[index] ?? ''), browsing: index, draft };
    }
    case 'submit': {
      const line = editor.text.trim();
      // As bash's HISTSIZE: the last 500 lines come back with ↑, not every line of a long session.
      const history = line && lastOf(editor.history) !== line ? [...editor.history, line].slice(-500) : editor.history;
      return { text: '', cursor: 0, history, browsing: null, draft: '' };
    }
  }
}

const lastOf = (history: readonly string[]) => history[history.length - 1];

/**
 * The part of a long line that fits in `columns` display columns, scrolled to keep the cursor in
 * view: the text before the cursor, the character under it (a space at the end), and after it.
 */
export function visibleLine(editor: Editor, columns: number, width: (text: string) => number): { before: string; at: string; after: string } {
  const { text, cursor } = editor;
  const room = Math.max(4, columns);
  const atEnd = next(text, cursor);
  const at = text.slice(cursor, atEnd) || ' ';
  let used = width(at);
  let first = cursor;
  while (first > 0) {
    const from = previous(text, first);
    const w = width(text.slice(from, first));
    if (used + w > room) break;
    used += w;
    first = from;
  }
  let last = atEnd;
  while (last < text.length) {
    const to = next(text, last);
    const w = width(text.slice(last, to));
    if (used + w > room) break;
    used += w;
    last = to;
  }
  return { before: text.slice(first, cursor), at, after: text.slice(atEnd, last) };
}
