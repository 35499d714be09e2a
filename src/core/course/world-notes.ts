// Per-world notes: text a lesson step shows in one world only, the simulated lab or a real
// cluster (`--cluster`), and on a real cluster, when the author says so, only on some flavours
// ("on kind, node ports are reached through the node container's IP"). Data, chosen here.
import { FLAVOUR_NAMES, type Flavour } from '../real-cluster/flavour.js';

export const WORLDS = ['lab', 'cluster'] as const;
export type WorldName = (typeof WORLDS)[number];
/** The flavours a note may name: every flavour the course detects. */
export const NOTE_FLAVOURS = Object.keys(FLAVOUR_NAMES) as Flavour[];

export interface WorldNote {
  readonly world: WorldName;
  /** Only on these flavours of real cluster; absent: on every one. */
  readonly flavours?: readonly Flavour[];
  readonly text: string;
}

/** Where the learner takes the course. */
export type World = { readonly kind: 'lab' } | { readonly kind: 'cluster'; readonly flavour: Flavour };

export const LAB: World = { kind: 'lab' };

/** The notes of a step that the learner sees in `world`, in the order the author wrote them. */
export function notesFor(notes: readonly WorldNote[] | undefined, world: World): WorldNote[] {
  return (notes ?? []).filter(
    (note) => note.world === world.kind && (world.kind === 'lab' || note.flavours === undefined || note.flavours.includes(world.flavour)),
  );
}

/** A short key for a world, for caches of drawn steps. */
export const worldKey = (world: World): string => (world.kind === 'lab' ? 'lab' : `cluster:${world.flavour}`);
