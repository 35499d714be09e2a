// go-spew's `%#v` of core/v1's EndpointSubset and EndpointPort, as Kubernetes'
// hashutil.DeepHashObject writes them before it sums them with md5 (pkg/util/hash/hash.go:
// spew.ConfigState{Indent: " ", SortKeys: true, DisableMethods: true, SpewKeys: true}). spew's
// formatter (github.com/davecgh/go-spew/spew/format.go) prints each value with its Go type in
// parentheses, except a slice's elements and a pointer's target; strings bare, without quotes;
// a nil slice or pointer as <nil>; struct fields as Name:value, separated by a space, in the order
// of the Go struct (staging/src/k8s.io/api/core/v1/types.go). test/fixtures/endpoints-order holds
// the real spew's output for random subsets, which test/unit/cluster/endpoints-order.test.ts compares.

import type { EndpointAddress, EndpointPort, EndpointSubset } from './types.js';

/** An EndpointPort as spew prints it, without its type (in a slice) or with it. */
function portFields(p: EndpointPort): string {
  return `{Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol} AppProtocol:(*string)<nil>}`;
}

export function spewPort(p: EndpointPort): string {
  return `(v1.EndpointPort)${portFields(p)}`;
}

/**
 * An EndpointAddress in a slice. The endpoints controller sets NodeName and TargetRef (Kind,
 * Namespace, Name, UID) for a pod (endpoints_controller.go podToEndpointAddressForService); an
 * address with no pod (the API server's own) has neither.
 */
function addressFields(a: EndpointAddress, namespace: string): string {
  const node = a.nodeName === '' ? '(*string)<nil>' : `(*string)${a.nodeName}`;
  const ref =
    a.podName === ''
      ? '(*v1.ObjectReference)<nil>'
      : `(*v1.ObjectReference){Kind:(string)Pod Namespace:(string)${namespace} Name:(string)${a.podName} UID:(types.UID)${a.podUid} APIVersion:(string) ResourceVersion:(string) FieldPath:(string)}`;
  return `{IP:(string)${a.ip} Hostname:(string) NodeName:${node} TargetRef:${ref}}`;
}

/** A slice field: <nil> when empty, as the repacked subsets leave an empty list (a nil slice in Go). */
function addresses(list: readonly EndpointAddress[], namespace: string): string {
  return list.length === 0 ? '([]v1.EndpointAddress)<nil>' : `([]v1.EndpointAddress)[${list.map((a) => addressFields(a, namespace)).join(' ')}]`;
}

/** A subset; no ports is a nil slice too (RepackSubsets' sentinel for a headless service without ports). */
export function spewSubset(s: EndpointSubset, namespace: string): string {
  const ports = s.ports.length === 0 ? '([]v1.EndpointPort)<nil>' : `([]v1.EndpointPort)[${s.ports.map(portFields).join(' ')}]`;
  return `(v1.EndpointSubset){Addresses:${addresses(s.addresses, namespace)} NotReadyAddresses:${addresses(s.notReadyAddresses, namespace)} Ports:${ports}}`;
}
