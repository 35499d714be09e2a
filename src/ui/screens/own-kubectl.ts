// In a practice step's terminal, above the prompt, while the step is served to the learner's own
// kubectl: the two lines to paste into another terminal, and the last requests the API answered
// (one short line each; the learner's kubectl prints its own output in its own terminal).
import { ownKubectlHere } from '../../core/course/own-kubectl.js';
import type { NavState } from '../../core/course/navigation.js';
import { hardWrap, outputWrap } from '../../text/code.js';
import { line, seg, type Line } from '../../text/line.js';

/** How many of the latest requests are shown. */
const SHOWN = 2;

/** The most lines the panel takes unfolded, once the API has answered requests. */
export function ownKubectlTallest(state: NavState, columns: number): number {
  const own = ownKubectlHere(state);
  if (!own) return 0;
  const wrapped = (text: string) => hardWrap(text, columns).length;
  return 1 + wrapped(`export KUBECONFIG=${own.kubeconfig ?? ''}`) + wrapped('kubectl get nodes -o wide') + SHOWN;
}

/**
 * `folded`: in a short window the panel is only the line to paste (the footer keeps "ctrl-o stop"),
 * so the goal and the instructions keep their rows.
 */
export function ownKubectlLines(state: NavState, columns: number, folded = false): Line[] {
  const own = ownKubectlHere(state);
  if (!own) return [];
  if (own.phase === 'starting' || own.kubeconfig === undefined) return [line("Starting the lab's API for your own kubectl...", 'dim')];
  const paste = (text: string): Line[] => hardWrap(text, columns).map((piece) => [seg(piece, 'command')]);
  if (folded) return paste(`export KUBECONFIG=${own.kubeconfig}`);
  return [
    line(`Your own kubectl (ctrl-o stops): paste in another terminal`, 'focus'),
    ...paste(`export KUBECONFIG=${own.kubeconfig}`),
    ...paste('kubectl get nodes -o wide'),
    ...own.log.slice(-SHOWN).flatMap((text) =>
      outputWrap(`api: ${text}`, columns)
        .slice(0, 1)
        .map((piece) => line(piece, 'dim')),
    ),
  ];
}
