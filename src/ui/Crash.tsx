// A bug in the program must not leave the learner with a broken terminal or a wall of stack.
// The boundary stops drawing and hands the error to Ink's exit, which restores the terminal; the
// command then says in a sentence what happened (until-exit.ts).
import { useApp } from 'ink';
import { Component, useEffect, type ReactNode } from 'react';

interface State {
  readonly error: Error | null;
}

export class Crash extends Component<{ readonly children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    return this.state.error ? <ExitWith error={this.state.error} /> : this.props.children;
  }
}

/** Draws nothing, so the last frame is wiped, and ends the app with the error. */
function ExitWith({ error }: { readonly error: Error }) {
  const { exit } = useApp();
  useEffect(() => exit(error), [error, exit]);
  return null;
}
