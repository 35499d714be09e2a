// The way back: the answer, a reset or an ICMP error, from where it starts to the client,
// through the node whose conntrack undoes the connection's NAT.

import type { Node } from '../cluster/index.js';
import type { Ctx } from './context.js';
import { FIREWALL_WHERE, LAPTOP, Walk, onNode } from './hops.js';
import { formatAddress, packet, withSrc } from './nat.js';
import { CLIENT_IP, type Address, type Hop, type PacketKind } from './types.js';

export interface From {
  readonly place: Hop['place'];
  readonly where: string;
  readonly node?: string;
}

/** From the server back to the client: across nodes if need be, through conntrack, out to the client. */
export function replyPath(ctx: Ctx, kind: PacketKind, from: From): Hop[] {
  const request = ctx.walk.packet;
  const back = new Walk(packet(kind, request.dst, request.src));
  back.pass({
    ...from,
    note:
      kind === 'RST'
        ? 'a reset goes back to the address the packet came from'
        : 'the answer (SYN-ACK, then the page) goes back to the address the request came from',
  });
  const serverNode = from.node;
  const natNode = ctx.nat?.node ?? (ctx.clientPod ? ctx.cluster.nodes.find((n) => n.metadata.name === ctx.clientPod?.spec.nodeName) : undefined);
  if (natNode && serverNode && serverNode !== natNode.metadata.name) {
    back.pass({
      place: 'pod-network',
      where: `pod network: ${serverNode} -> ${natNode.metadata.name}`,
      decided: [{ by: 'address', text: `${request.src.ip} is reached through ${natNode.metadata.name}` }],
      note: 'back to the node that translated the request',
    });
  }
  if (ctx.nat) {
    const { node, src, dst } = ctx.nat;
    back.pass(
      {
        place: 'conntrack',
        where: onNode(node, 'conntrack'),
        node: node.metadata.name,
        nat: 'reverse NAT',
        decided: [
          {
            by: 'address',
            text: `the connection ${formatAddress(src)} -> ${formatAddress(dst)} was translated to ${formatAddress(request.src)} -> ${formatAddress(request.dst)}`,
          },
        ],
        note: 'conntrack undoes the NAT: the answer comes from the address the client used',
      },
      packet(kind, dst, src),
    );
  }
  backToClient(ctx, back);
  return back.hops;
}

/** A reset or an ICMP error sent by a node itself. */
export function replyFromNode(ctx: Ctx, node: Node, kind: PacketKind, sender: string, src: Address): Hop[] {
  const to = ctx.walk.packet.src;
  const back = new Walk(packet(kind, src, kind === 'ICMP port unreachable' ? { ip: to.ip } : to));
  back.pass({
    place: 'node',
    where: onNode(node, sender),
    node: node.metadata.name,
    note: kind === 'RST' ? 'a reset goes back' : 'an ICMP port-unreachable error goes back',
  });
  backToClient(ctx, back);
  return back.hops;
}

function backToClient(ctx: Ctx, back: Walk): void {
  undoPodMasquerade(ctx, back);
  const p = back.packet;
  if (ctx.clientPod) {
    back.stop({
      place: 'client',
      where: `pod/${ctx.clientPod.metadata.name} (${ctx.clientPod.status.podIP})`,
      node: ctx.clientPod.spec.nodeName,
      note: outcomeNote(p.kind),
    });
    return;
  }
  if (ctx.publicIP) {
    back.pass(
      {
        place: 'firewall',
        where: FIREWALL_WHERE,
        nat: 'cloud NAT',
        note: 'replies to an allowed connection always pass; the cloud puts the public IP back as the source',
      },
      withSrc(p, { ip: ctx.publicIP, ...(p.src.port !== undefined ? { port: p.src.port } : {}) }),
    );
  }
  if (ctx.lb) {
    const lbAddress = { ip: ctx.lb.ip, port: ctx.lb.port };
    back.pass(
      {
        place: 'load-balancer',
        where: `cloud load balancer ${ctx.lb.ip} of service ${ctx.lb.service.metadata.namespace}/${ctx.lb.service.metadata.name}`,
        nat: 'reverse NAT',
        note: 'the load balancer answers from its own address',
      },
      withSrc(back.packet, lbAddress),
    );
  }
  back.stop({ place: 'client', where: `${LAPTOP} (${CLIENT_IP})`, note: outcomeNote(p.kind) });
}

/** Back on the client pod's node, conntrack undoes flannel's masquerade: the answer goes to the pod. */
function undoPodMasquerade(ctx: Ctx, back: Walk): void {
  if (!ctx.podMasq) return;
  const { node, src, dst } = ctx.podMasq;
  const name = node.metadata.name;
  const last = [...back.hops].reverse().find((h) => h.node !== undefined)?.node;
  if (last !== undefined && last !== name) {
    back.pass({
      place: 'pod-network',
      where: `node network: ${last} -> ${name}`,
      decided: [{ by: 'address', text: `${back.packet.dst.ip} is ${name}'s address` }],
      note: 'back to the node that masqueraded the request',
    });
  }
  const kind = back.packet.kind;
  back.pass(
    {
      place: 'conntrack',
      where: onNode(node, 'conntrack'),
      node: name,
      nat: 'reverse NAT',
      decided: [{ by: 'address', text: `flannel's MASQUERADE made ${formatAddress(src)} into ${formatAddress(back.packet.dst)}` }],
      note: 'conntrack undoes the masquerade: the answer goes to the pod',
    },
    packet(kind, kind === 'ICMP port unreachable' ? { ip: back.packet.src.ip } : dst, kind === 'ICMP port unreachable' ? { ip: src.ip } : src),
  );
}

function outcomeNote(kind: PacketKind): string {
  switch (kind) {
    case 'SYN-ACK':
      return 'connected: the request goes out and the response comes back the same way';
    case 'RST':
      return 'connection refused';
    case 'ICMP port unreachable':
      return 'connection refused';
    case 'SYN':
      return '';
  }
}
