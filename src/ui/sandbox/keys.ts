// The sandbox's key bindings, as data, read by the course's own router (ui/keymap.ts: keyNames
// names the keys, actionIn finds the binding). A key no binding claims is typed in, as at a
// course prompt; characters typed or pasted together go in as one piece.
import type { EditAction } from '../../core/shell/line-editor.js';
import { actionIn, keyNames, typedText, type Binding, type KeyName } from '../keymap.js';

export type SandboxAction =
  | { readonly type: 'edit'; readonly action: EditAction }
  /** Enter: run the line. */
  | { readonly type: 'submit' }
  /** Tab: complete the word before the cursor. */
  | { readonly type: 'complete' }
  /** Ctrl-C: drop the line (and stop a port-forward), as a shell does. */
  | { readonly type: 'interrupt' }
  /** Ctrl-D: leave on an empty line, else erase under the cursor. */
  | { readonly type: 'end-of-input' }
  /** Ctrl-L: clear the screen. */
  | { readonly type: 'clear-screen' };

const edit = (action: EditAction) => (): SandboxAction => ({ type: 'edit', action });

export const SANDBOX_BINDINGS: readonly Binding<SandboxAction, 'sandbox'>[] = [
  { contexts: ['sandbox'], keys: ['enter'], label: 'enter', does: 'run the command', action: () => ({ type: 'submit' }) },
  { contexts: ['sandbox'], keys: ['tab'], label: 'tab', does: 'complete a command, a name or a file', action: () => ({ type: 'complete' }) },
  { contexts: ['sandbox'], keys: ['ctrl-c'], label: 'ctrl-c', does: 'drop the line and stop a port-forward', action: () => ({ type: 'interrupt' }) },
  {
    contexts: ['sandbox'],
    keys: ['ctrl-d'],
    label: 'ctrl-d',
    does: 'leave, on an empty line (else erase under the cursor)',
    action: () => ({ type: 'end-of-input' }),
  },
  { contexts: ['sandbox'], keys: ['ctrl-l'], label: 'ctrl-l', does: 'clear the screen', action: () => ({ type: 'clear-screen' }) },
  { contexts: ['sandbox'], keys: ['up'], label: '↑', does: 'earlier commands', action: edit({ type: 'history', delta: -1 }) },
  { contexts: ['sandbox'], keys: ['down'], label: '↓', does: 'later commands', action: edit({ type: 'history', delta: 1 }) },
  { contexts: ['sandbox'], keys: ['left'], label: '←', does: 'cursor left', action: edit({ type: 'move', to: 'left' }) },
  { contexts: ['sandbox'], keys: ['right'], label: '→', does: 'cursor right', action: edit({ type: 'move', to: 'right' }) },
  { contexts: ['sandbox'], keys: ['home', 'ctrl-a'], label: 'home / ctrl-a', does: 'start of the line', action: edit({ type: 'move', to: 'home' }) },
  { contexts: ['sandbox'], keys: ['end', 'ctrl-e'], label: 'end / ctrl-e', does: 'end of the line', action: edit({ type: 'move', to: 'end' }) },
  { contexts: ['sandbox'], keys: ['backspace'], label: 'backspace', does: 'erase to the left', action: edit({ type: 'backspace' }) },
  { contexts: ['sandbox'], keys: ['ctrl-w'], label: 'ctrl-w', does: 'erase the word before the cursor', action: edit({ type: 'delete-word' }) },
  { contexts: ['sandbox'], keys: ['ctrl-u'], label: 'ctrl-u', does: 'erase the line', action: edit({ type: 'clear' }) },
];

interface InkKey {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageDown: boolean;
  pageUp: boolean;
  home?: boolean;
  end?: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  meta?: boolean;
  tab: boolean;
  backspace?: boolean;
  delete?: boolean;
}

/** The sandbox's actions for one read from the terminal, in order; typed characters in a row are one insert. */
export function sandboxActions(input: string, key: InkKey): SandboxAction[] {
  const actions: SandboxAction[] = [];
  let typed = '';
  const flush = () => {
    if (typed) actions.push({ type: 'edit', action: { type: 'insert', text: typed } });
    typed = '';
  };
  // A paste from Windows ends its lines in CR LF: one Enter each.
  const names: KeyName[] = keyNames(input.length > 1 ? input.replace(/\r\n/g, '\n') : input, key);
  for (const name of names) {
    const action = actionIn(SANDBOX_BINDINGS, 'sandbox', name, { page: 1, maxScroll: 0 });
    // Alt with a key types nothing.
    const text = action || key.meta ? null : typedText('practice', name);
    if (text !== null) {
      typed += text;
      continue;
    }
    flush();
    if (action) actions.push(action);
  }
  flush();
  return actions;
}
