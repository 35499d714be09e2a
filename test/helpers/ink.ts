// Driving an Ink app in tests: named keys, and waiting for the frame to show something (never a fixed sleep).

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  enter: '\r',
  escape: '\u001B',
  ctrlC: '\u0003',
} as const;

interface Rendered {
  lastFrame(): string | undefined;
  frames: string[];
}

/** Resolves with the first frame that satisfies `check`; fails with the last frame after `ms`. */
export async function waitForFrame(app: Rendered, check: (frame: string) => boolean, ms = 3000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const frame = app.lastFrame() ?? '';
    if (check(frame)) return frame;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for a frame; the last one was:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Writes a key, then waits until a frame different from the one before arrives and satisfies `check`. */
export async function press(
  app: Rendered & { stdin: { write(data: string): void } },
  key: string,
  check: (frame: string) => boolean = () => true,
): Promise<string> {
  const before = app.frames.length;
  app.stdin.write(key);
  return waitForFrame(app, (frame) => app.frames.length > before && check(frame));
}

/** Waits until a condition holds (a callback was called, a file was written). */
export async function waitFor(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
