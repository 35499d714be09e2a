// The effect behind the course on a real cluster (--cluster): entering a lesson makes its namespace
// and runs its setup; leaving it (for another lesson, the lesson list, or the end of the course)
// deletes it; a line the learner submits runs through the session (the guard, the real kubectl,
// curl, trace) and comes back as one action with the cluster as read through the API. Ctrl-C stops
// the running child. The link itself (commands/real-cluster/course-terminal.tsx) owns the session.
import { useEffect, useRef } from 'react';
import type { Cluster } from '../core/cluster/index.js';
import type { Answer } from '../core/kubectl/answer.js';
import type { RequestRecord } from '../core/shell/result.js';
import { currentStep, type NavAction, type NavState } from '../core/course/navigation.js';
import type { Flavour } from '../core/real-cluster/flavour.js';
import type { ReachFacts } from '../core/real-cluster/reach-here.js';

/** One line run on the cluster, and the cluster read after it. */
export interface RealRan {
  readonly output: string;
  readonly exitCode: number;
  readonly answer?: Answer;
  readonly request?: RequestRecord;
  readonly cluster: Cluster;
}

export interface RealLink {
  readonly context: string;
  /** The cluster's flavour, for the lessons' per-world notes. */
  readonly flavour?: Flavour;
  /** How a node port is reached from this machine on this cluster: a do step about curl shows it. */
  readonly reach?: ReachFacts;
  /** Makes the lesson's namespace (ours) and runs its setup; `says` tells what it does meanwhile. */
  readonly open: (lesson: string, says: (text: string) => void) => Promise<{ ok: true; cluster: Cluster } | { ok: false; message: string }>;
  readonly run: (line: string, signal: AbortSignal) => Promise<RealRan>;
  /** The open lesson's cluster as it is now. */
  readonly read: () => Promise<Cluster | null>;
  /** Deletes the open lesson's namespace; says what happened. */
  readonly close: () => Promise<string>;
}

/** How often the open lesson's cluster is read while nothing runs (pods becoming Ready). */
const READ_EVERY_MS = 2000;

export function useRealCluster(state: NavState, dispatch: (action: NavAction) => void, link: RealLink | undefined): void {
  const lesson = state.real ? (currentStep(state)?.lesson.id ?? null) : null;
  /** Opening and closing one after another: a lesson's namespace goes before the next one's is made. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    if (!link || lesson === null) return;
    let left = false;
    dispatch({ type: 'real-opening', lesson, says: `making namespace for ${lesson}...` });
    queue.current = queue.current.then(async () => {
      if (left) return;
      const opened = await link.open(lesson, (says) => {
        if (!left) dispatch({ type: 'real-opening', lesson, says });
      });
      if (left) return;
      if (opened.ok) dispatch({ type: 'real-ready', lesson, cluster: opened.cluster });
      else {
        dispatch({ type: 'real-failed', lesson, message: opened.message });
        dispatch({ type: 'notice', text: `nodeport-lab: ${opened.message}` });
      }
    });
    const timer = setInterval(() => {
      void link.read().then(
        (cluster) => {
          if (!left && cluster) dispatch({ type: 'real-cluster', lesson, cluster });
        },
        () => undefined,
      );
    }, READ_EVERY_MS);
    return () => {
      left = true;
      clearInterval(timer);
      queue.current = queue.current.then(async () => {
        const said = await link.close();
        dispatch({ type: 'real-closed', lesson });
        dispatch({ type: 'notice', text: said });
      });
    };
  }, [lesson, link, dispatch]);

  const running = state.real?.running ?? null;
  const shown = useRef<Cluster | null>(null);
  shown.current = running ? (state.practice[running.lesson]?.shell.cluster ?? null) : shown.current;
  const stopper = useRef<AbortController | null>(null);
  const id = running?.id ?? null;
  const line = running?.line ?? '';
  useEffect(() => {
    if (!link || id === null) return;
    const stop = new AbortController();
    stopper.current = stop;
    void link.run(line, stop.signal).then(
      (ran) => dispatch({ type: 'real-ran', id, ...ran }),
      (error: unknown) => {
        if (shown.current) dispatch({ type: 'real-ran', id, output: `nodeport-lab: ${(error as Error).message}\n`, exitCode: 1, cluster: shown.current });
      },
    );
    return () => {
      stop.abort();
      stopper.current = null;
    };
    // One run per id: its line belongs to it.
  }, [id, link, dispatch]);

  const stopping = running?.stopping ?? false;
  useEffect(() => {
    if (stopping) stopper.current?.abort();
  }, [stopping]);
}
