// The sandbox prompt's line: text, cursor and history, as a reducer over editing actions.

export interface Editor {
  readonly text: string;
  /** Cursor position in characters (code points, so an emoji is one), 0..length. */
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

const chars = (text: string): string[] => [...text];
const length = (text: string): number => chars(text).length;

const set = (editor: Editor, text: string, cursor = length(text)): Editor => ({ ...editor, text, cursor: Math.max(0, Math.min(length(text), cursor)) });

/** The text before the cursor. */
export const beforeCursor = (editor: Editor): string => chars(editor.text).slice(0, editor.cursor).join('');

export function edit(editor: Editor, action: EditAction): Editor {
  const { cursor } = editor;
  const text = chars(editor.text);
  const join = (parts: string[]) => parts.join('');
  switch (action.type) {
    case 'insert':
      return set(editor, join(text.slice(0, cursor)) + action.text + join(text.slice(cursor)), cursor + length(action.text));
    case 'backspace':
      return cursor === 0 ? editor : set(editor, join(text.slice(0, cursor - 1)) + join(text.slice(cursor)), cursor - 1);
    case 'delete':
      return set(editor, join(text.slice(0, cursor)) + join(text.slice(cursor + 1)), cursor);
    case 'move': {
      const to = { left: cursor - 1, right: cursor + 1, home: 0, end: text.length }[action.to];
      return set(editor, editor.text, to);
    }
    case 'delete-word': {
      const before = join(text.slice(0, cursor)).replace(/\S+\s*$/, '');
      return set(editor, before + join(text.slice(cursor)), length(before));
    }
    case 'clear':
      return { ...set(editor, ''), browsing: null, draft: '' };
    case 'replace':
      return set(editor, action.text + join(text.slice(cursor)), length(action.text));
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
      const history = line && lastOf(editor.history) !== line ? [...editor.history, line] : editor.history;
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
  const text = chars(editor.text);
  const room = Math.max(4, columns);
  let first = editor.cursor;
  let used = width(text[editor.cursor] ?? ' ');
  while (first > 0 && used + width(text[first - 1]!) <= room) used += width(text[--first]!);
  let last = editor.cursor + 1;
  while (last < text.length && used + width(text[last]!) <= room) used += width(text[last++]!);
  return { before: text.slice(first, editor.cursor).join(''), at: text[editor.cursor] ?? ' ', after: text.slice(editor.cursor + 1, last).join('') };
}
