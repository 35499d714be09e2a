// The rules the CNI plugin (flannel, iptables mode) writes on each node, as iptables-save prints
// them: its masquerade chain in nat POSTROUTING and its forward chain in filter FORWARD
// (flannel-io/flannel pkg/trafficmngr/iptables/iptables.go, masqRules and forwardRules). A pod
// talking to anything outside the pod network leaves its node with the node's own address.

import type { Node } from '../cluster/index.js';
import { MASQ_MARK, comment, rule } from './rules.js';
import type { IptablesRule } from './types.js';

const MASQ = comment('flanneld masq');
const FORWARD = comment('flanneld forward');

export interface FlannelRules {
  readonly postrouting: IptablesRule;
  /** kube-proxy's marked packets: KUBE-POSTROUTING masquerades them, not flannel. */
  readonly markedReturn: IptablesRule;
  /** From this node's pods to the pod network: no NAT inside the overlay. */
  readonly podToPods: IptablesRule;
  readonly podsToNode: IptablesRule;
  readonly outsideToNodePods: IptablesRule;
  /** From the pod network to anything else (not multicast): the node's own address. */
  readonly masquerade: IptablesRule;
  /** From the node itself into the pod network. */
  readonly hostToPods: IptablesRule;
  readonly forward: IptablesRule;
  readonly forwardFrom: IptablesRule;
  readonly forwardTo: IptablesRule;
}

/** flannel's rules on one node: `network` is the cluster's pod network, the node's lease its podCIDR. */
export function flannelRules(network: string, node: Node): FlannelRules {
  const lease = node.spec.podCIDR;
  return {
    postrouting: rule('nat', 'POSTROUTING', { matches: [MASQ], jump: 'FLANNEL-POSTRTG' }),
    markedReturn: rule('nat', 'FLANNEL-POSTRTG', { matches: [`-m mark --mark ${MASQ_MARK}/${MASQ_MARK}`, MASQ], jump: 'RETURN' }),
    podToPods: rule('nat', 'FLANNEL-POSTRTG', { src: lease, dst: network, matches: [MASQ], jump: 'RETURN' }),
    podsToNode: rule('nat', 'FLANNEL-POSTRTG', { src: network, dst: lease, matches: [MASQ], jump: 'RETURN' }),
    outsideToNodePods: rule('nat', 'FLANNEL-POSTRTG', { notSrc: network, dst: lease, matches: [MASQ], jump: 'RETURN' }),
    masquerade: rule('nat', 'FLANNEL-POSTRTG', { src: network, notDst: '224.0.0.0/4', matches: [MASQ], jump: 'MASQUERADE --random-fully' }),
    hostToPods: rule('nat', 'FLANNEL-POSTRTG', { notSrc: network, dst: network, matches: [MASQ], jump: 'MASQUERADE --random-fully' }),
    forward: rule('filter', 'FORWARD', { matches: [FORWARD], jump: 'FLANNEL-FWD' }),
    forwardFrom: rule('filter', 'FLANNEL-FWD', { src: network, matches: [FORWARD], jump: 'ACCEPT' }),
    forwardTo: rule('filter', 'FLANNEL-FWD', { dst: network, matches: [FORWARD], jump: 'ACCEPT' }),
  };
}

/** Every flannel rule of a table, in the order flannel writes them. */
export function flannelTable(rules: FlannelRules, table: 'nat' | 'filter'): IptablesRule[] {
  return table === 'nat'
    ? [rules.postrouting, rules.markedReturn, rules.podToPods, rules.podsToNode, rules.outsideToNodePods, rules.masquerade, rules.hostToPods]
    : [rules.forward, rules.forwardFrom, rules.forwardTo];
}
