// The `reach` line of a practice step on a real cluster, without typing `reach`: for each Service
// with a node port that the step's curl goal is about, the one command that answers from this
// machine on this cluster's flavour. Pure: the connection's facts and the cluster as read.
import type { Cluster } from '../cluster/index.js';
import type { Flavour, NodeFacts } from './flavour.js';
import { reachRecipe, type Platform } from './reach.js';

/** What reaching a node port depends on besides the Service: the cluster's flavour, this machine, the nodes. */
export interface ReachFacts {
  readonly flavour: Flavour;
  readonly platform: Platform;
  readonly server: string;
  readonly context: string;
  readonly nodes: readonly NodeFacts[];
}

export interface ReachHere {
  readonly service: string;
  readonly nodePort: number;
  /** What to type, in a few words: `curl URL`, or the command to run first and then the curl. */
  readonly says: string;
}

/**
 * The Services with a node port that `wanted` names (every one, when `wanted` is undefined), in the
 * order the cluster lists them, each with how to reach its first node port from here.
 */
export function reachHere(facts: ReachFacts, cluster: Cluster, wanted?: readonly string[]): ReachHere[] {
  const out: ReachHere[] = [];
  for (const service of cluster.services) {
    const name = service.metadata.name;
    if (wanted !== undefined && !wanted.includes(name)) continue;
    const port = service.spec.ports.find((p) => p.nodePort !== undefined);
    if (!port || port.nodePort === undefined) continue;
    const recipe = reachRecipe({
      ...facts,
      nodePort: port.nodePort,
      service: name,
      namespace: service.metadata.namespace,
      servicePort: port.port,
    });
    const curl = recipe.url ? `curl ${recipe.url}` : 'curl the URL it prints';
    out.push({ service: name, nodePort: port.nodePort, says: recipe.command ? `run ${recipe.command} in another terminal, then ${curl}` : curl });
  }
  return out;
}
