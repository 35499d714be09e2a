// Text from a lesson folder, a manifest or a paste, made safe to write to a terminal: every C0 and
// C1 control character but tab and newline (ESC, BEL, CSI...) is shown as `\x1b`, `\x07`, `\x9b`,
// so no file can retitle the window, write the clipboard, plant a link or clear the screen. Applied
// where such text leaves for the terminal, before any styling of ours is added.

/** C0 (but tab and newline), DEL and C1. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const ANY_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

export const hasControl = (text: string): boolean => ANY_CONTROL.test(text);

const hex = (ch: string): string => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;

export function visibleControls(text: string): string {
  return text.replace(CONTROL, hex);
}

/** The first control character in `text` (as visibleControls shows it) and where, or null. */
export function findControl(text: string): { readonly index: number; readonly shown: string } | null {
  CONTROL.lastIndex = 0;
  const m = CONTROL.exec(text);
  CONTROL.lastIndex = 0;
  return m ? { index: m.index, shown: hex(m[0]) } : null;
}
