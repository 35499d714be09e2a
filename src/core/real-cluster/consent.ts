// The consent screen before a real cluster is touched: what it is, what will be made there and how
// it is cleaned up; and whether consent is given, must be asked, or is missing.
import { FLAVOUR_NAMES, type Detected } from './flavour.js';
import { OWNER_LABEL, OWNER_VALUE } from './ownership.js';

export interface ConsentFacts {
  readonly context: string;
  readonly server: string;
  readonly serverVersion: string;
  readonly kubectlVersion: string;
  readonly detected: Detected;
  readonly namespace: string;
  readonly notes: readonly string[];
}

/** The screen as logical lines: the caller folds each to the terminal's width (see foldLine). */
export function consentLines(facts: ConsentFacts): string[] {
  const d = facts.detected;
  const flavour = `${FLAVOUR_NAMES[d.flavour]}${d.cloud ? ` (${d.cloud})` : ''}`;
  return [
    'nodeport-lab is about to use a real cluster:',
    `  context     ${facts.context}`,
    `  server      ${facts.server}`,
    `  Kubernetes  ${facts.serverVersion}`,
    `  flavour     ${flavour}, from ${d.because}`,
    `  kubectl     ${facts.kubectlVersion}`,
    `It creates the namespace ${facts.namespace}, labelled ${OWNER_LABEL}=${OWNER_VALUE}, and runs your kubectl commands there; what you see is what the real kubectl prints. It touches nothing else, and clean-up deletes only namespaces with that label:`,
    `  nodeport-lab clean --cluster ${facts.context}`,
    ...(d.shared ? [`This looks like a shared or cloud cluster (${d.because}): others may work on it, and node ports may cost or be exposed.`] : []),
    ...facts.notes,
  ];
}

export type ConsentDecision = { readonly kind: 'given' } | { readonly kind: 'ask' } | { readonly kind: 'refused'; readonly message: string };

/** --yes gives consent without a terminal; a shared cluster needs --yes-really as well, asked or not. */
export function consentDecision(input: {
  readonly interactive: boolean;
  readonly yes: boolean;
  readonly yesReally: boolean;
  readonly shared: boolean;
  readonly context: string;
}): ConsentDecision {
  if (input.shared && !input.yesReally) {
    return {
      kind: 'refused',
      message: `nodeport-lab: context "${input.context}" looks shared or cloud; if it is yours to use, run again with --yes-really (and --yes without a terminal).`,
    };
  }
  if (input.yes) return { kind: 'given' };
  if (input.interactive) return { kind: 'ask' };
  return { kind: 'refused', message: 'nodeport-lab: without a terminal to ask you, give --yes to agree to use this cluster.' };
}

/** A typed answer to "Go on? [y/N]". */
export const agreed = (answer: string): boolean => /^\s*(y|yes)\s*$/i.test(answer);
