// A request's path through a cluster, as data: trace(), the kube-proxy rules behind it, and
// the text the sandbox prints for both.
export * from './types.js';
export { trace } from './trace.js';
export { endpointChoices, largeClusterMode, proxied, LARGE_CLUSTER_ENDPOINTS } from './endpoints.js';
export { hash16, portProtoHash, servicePortName, serviceChains, endpointChain, type ServiceChains } from './chains.js';
export { kubeProxyProbability, savedProbability, saveString, servicePortInfo, type ServicePortInfo } from './rules.js';
export { masqueradeSource, nodeWithAddress, formatAddress, formatPacket } from './nat.js';
export { formatTrace, describeDecision, describeOutcome } from './format.js';
export { iptablesSave, ctime, TABLES, IPTABLES_VERSION, type Table } from './iptables-save.js';
