// The effect behind "your own kubectl" on a practice step: while the state wants the step served
// (core/course/own-kubectl.ts), the lab's API server (the one `nodeport-lab serve` runs, with the
// same kubeconfig and context) serves that step's cluster on 127.0.0.1; every request it answers,
// and the cluster as its clock moves, go back to the reducer as actions. Leaving the step, the
// course, or Ctrl-C stops it and removes the kubeconfig.
import { useEffect, useRef } from 'react';
import type { Cluster } from '../core/cluster/index.js';
import { currentPractice, type NavAction, type NavState } from '../core/course/navigation.js';
import { wantedServer } from '../core/course/own-kubectl.js';
import type { RunningServer } from '../commands/serve/index.js';

/** How often the served cluster's clock is shown to the goal (pods becoming Ready). */
const CLUSTER_EVERY_MS = 1000;

export function useOwnKubectl(state: NavState, dispatch: (action: NavAction) => void, home: string | undefined): void {
  const step = wantedServer(state);
  const cluster = currentPractice(state)?.shell.cluster;
  const latest = useRef<{ cluster: Cluster | undefined; seed: number }>({ cluster, seed: state.seed });
  latest.current = { cluster, seed: state.seed };
  const server = useRef<RunningServer | null>(null);
  /** The cluster the server last handed over (or was handed): any other came from the course's prompt. */
  const known = useRef<Cluster | null>(null);

  useEffect(() => {
    if (step === null) return;
    let left = false;
    let running: RunningServer | null = null;
    const start = latest.current;
    if (!home || !start.cluster) {
      dispatch({ type: 'own-kubectl-failed', step, message: 'this course has no folder of its own to write a kubeconfig in' });
      return;
    }
    const handOver = (next: Cluster) => {
      known.current = next;
      return next;
    };
    void import('../commands/serve/index.js')
      .then(({ startServer }) =>
        startServer({
          seed: start.seed,
          port: 0,
          home,
          cluster: start.cluster,
          log: (line) => {
            if (!left) dispatch({ type: 'own-kubectl-log', step, line });
          },
          onExchange: ({ command, session, request, status, answer, line, cluster: after }) => {
            if (!left) dispatch({ type: 'own-kubectl-request', step, session, exchange: { command, request, status, answer }, line, cluster: handOver(after) });
          },
        }),
      )
      .then(
        (started) => {
          if (left) return void started.stop();
          running = started;
          server.current = started;
          known.current = started.cluster();
          dispatch({ type: 'own-kubectl-ready', step, url: started.url, kubeconfig: started.shellPath });
        },
        (error: unknown) => {
          if (!left) dispatch({ type: 'own-kubectl-failed', step, message: (error as Error).message });
        },
      );
    const timer = setInterval(() => {
      if (running) dispatch({ type: 'own-kubectl-cluster', step, cluster: handOver(running.cluster()) });
    }, CLUSTER_EVERY_MS);
    return () => {
      left = true;
      clearInterval(timer);
      server.current = null;
      known.current = null;
      if (running) void running.stop();
      dispatch({ type: 'own-kubectl-stopped', step });
    };
  }, [step, home, dispatch]);

  // A command at the course's own prompt changed the cluster: the server serves that one now.
  useEffect(() => {
    if (server.current && cluster && cluster !== known.current) {
      known.current = cluster;
      server.current.setCluster(cluster);
    }
  }, [cluster]);
}
