// The sandbox prompt's line: text, cursor and history, as a reducer over editing actions.

export interface Editor {
  readonly text: string;
  /** Cursor position in characters, 0..text.length. */
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

const set = (editor: Editor, text: string, cursor = text.length): Editor => ({ ...editor, text, cursor: Math.max(0, Math.min(text.length, cursor)) });

export function edit(editor: Editor, action: EditAction): Editor {
  const { text, cursor } = editor;
  switch (action.type) {
    case 'insert':
      return set(editor, text.slice(0, cursor) + action.text + text.slice(cursor), cursor + action.text.length);
    case 'backspace':
      return cursor === 0 ? editor : set(editor, text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
    case 'delete':
      return set(editor, text.slice(0, cursor) + text.slice(cursor + 1), cursor);
    case 'move': {
      const to = { left: cursor - 1, right: cursor + 1, home: 0, end: text.length }[action.to];
      return set(editor, text, to);
    }
    case 'delete-word': {
      const before = text.slice(0, cursor).replace(/\S+\s*$/, '');
      return set(editor, before + text.slice(cursor), before.length);
    }
    case 'clear':
      return { ...set(editor, ''), browsing: null, draft: '' };
    case 'replace':
      return set(editor, action.text + text.slice(cursor), action.text.length);
    case 'history': {
      const { history } = editor;
      if (history.length === 0) return editor;
      const from = editor.browsing ?? history.length;
      const index = Math.max(0, Math.min(history.length, from + action.delta));
      if (index === history.length) return { ...set(editor, editor.draft), browsing: null };
      const draft = editor.browsing === null ? text : editor.draft;
      return { ...set(editor, history[index] ?? ''), browsing: index, draft };
    }
    case 'submit': {
      const line = text.trim();
      const history = line && lastOf(editor.history) !== line ? [...editor.history, line] : editor.history;
      return { text: '', cursor: 0, history, browsing: null, draft: '' };
    }
  }
}

const lastOf = (history: readonly string[]) => history[history.length - 1];
