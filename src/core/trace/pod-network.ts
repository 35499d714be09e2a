// A pod's network at work on a node: flannel's rules as a packet meets them. Leaving for an
// address outside the pod network it is masqueraded to the node's own address; forwarded to a
// pod, FLANNEL-FWD accepts it; going to the pod network, FLANNEL-POSTRTG lets it go unchanged.
// (flannel-io/flannel pkg/trafficmngr/iptables/iptables.go: masqRules, forwardRules.)

import { cidrContains, formatCidr, parseCidr, parseIPv4, type Node } from '../cluster/index.js';
import type { Ctx } from './context.js';
import { flannelRules } from './flannel.js';
import { chainWhere } from './hops.js';
import { inPodNetwork, internalIP, masqueradePort, withSrc } from './nat.js';
import { NAT } from './rules.js';
import type { IptablesRule } from './types.js';

/**
 * A pod's packet leaving its node for an address outside the pod network (another node): no
 * kube-proxy rule on the way out, then flannel's MASQUERADE in POSTROUTING gives it the node's
 * own address (flannel pkg/trafficmngr/iptables/iptables.go, masqRules).
 */
export function leaveNode(ctx: Ctx, node: Node, why: string): void {
  const { walk, cluster } = ctx;
  const name = node.metadata.name;
  walk.pass({
    place: 'iptables',
    where: chainWhere(node, 'nat', 'PREROUTING -> KUBE-SERVICES'),
    node: name,
    rules: [NAT.prerouting],
    decided: [{ by: 'address', text: why }],
    note: 'no rule matches: the packet goes on untranslated',
  });
  const flannel = flannelRules(formatCidr(cluster.config.podCidr), node);
  const src = { ip: internalIP(node), port: masqueradePort(walk.packet.src.port ?? 0, node) };
  ctx.podMasq = { node, src: walk.packet.src, dst: walk.packet.dst };
  walk.pass(
    {
      place: 'iptables',
      where: chainWhere(node, 'nat', 'POSTROUTING -> FLANNEL-POSTRTG'),
      node: name,
      rules: [NAT.postrouting, NAT.notMarked, flannel.postrouting, flannel.masquerade],
      nat: 'SNAT',
      decided: [
        {
          by: 'address',
          text: `${walk.packet.dst.ip} is outside the pod network ${formatCidr(cluster.config.podCidr)}: the CNI plugin (flannel) masquerades what pods send there`,
        },
      ],
      note: `MASQUERADE: the source becomes ${name}'s own address, ${src.ip}; the other node sees ${name}, not the pod`,
    },
    withSrc(walk.packet, src),
  );
}

/** The FLANNEL-FWD rule that accepts a forwarded packet: to the pod network, else from it. */
export function flannelForwardRule(ctx: Ctx, node: Node): IptablesRule {
  const flannel = flannelRules(formatCidr(ctx.cluster.config.podCidr), node);
  return inPodNetwork(ctx.cluster, ctx.walk.packet.dst.ip) ? flannel.forwardTo : flannel.forwardFrom;
}

/** The FLANNEL-POSTRTG rule that lets an unmarked packet go on without NAT. */
export function flannelReturn(ctx: Ctx, node: Node): IptablesRule {
  const flannel = flannelRules(formatCidr(ctx.cluster.config.podCidr), node);
  const { src, dst } = ctx.walk.packet;
  const lease = parseCidr(node.spec.podCIDR);
  const inLease = (ip: string): boolean => cidrContains(lease, parseIPv4(ip) ?? -1);
  if (inLease(src.ip) && inPodNetwork(ctx.cluster, dst.ip)) return flannel.podToPods;
  if (inPodNetwork(ctx.cluster, src.ip) && inLease(dst.ip)) return flannel.podsToNode;
  return flannel.outsideToNodePods;
}
