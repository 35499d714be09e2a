// A deliberate failure, so the tests can prove that a bug inside the UI is survived: the terminal
// restored, a readable message, progress kept, a non-zero exit. Off unless NODEPORT_LAB_FAULT is set:
//   render:KEY  after KEY is pressed, drawing throws (React's error path)
//   key:KEY     the key handler itself throws (outside React's reach)
import { useInput } from 'ink';
import { useState } from 'react';

export interface Fault {
  readonly where: 'render' | 'key';
  readonly key: string;
}

// Set by the build: false in the bundle learners run (scripts/build.mjs), which then holds none of
// this; true in the test bundle; absent (so on) when the tests run the sources.
// (The test is written out where it is used: esbuild folds it there, not through a constant.)
declare const __FAULTS__: boolean | undefined;

/** The fault the environment asks for; always none in the shipped bundle. */
export function faultFromEnv(env: NodeJS.ProcessEnv): Fault | null {
  return typeof __FAULTS__ === 'undefined' || __FAULTS__ ? parseFault(env.NODEPORT_LAB_FAULT) : null;
}

export function parseFault(value: string | undefined): Fault | null {
  const match = /^(render|key):(.)$/u.exec(value ?? '');
  return match ? { where: match[1] as Fault['where'], key: match[2] as string } : null;
}

const MESSAGE = 'a fault set by NODEPORT_LAB_FAULT';

export function FaultProbe({ fault }: { readonly fault: Fault }) {
  const [armed, setArmed] = useState(false);
  useInput((input) => {
    if (input !== fault.key) return;
    if (fault.where === 'key') throw new Error(MESSAGE);
    setArmed(true);
  });
  if (armed) throw new Error(MESSAGE);
  return null;
}
