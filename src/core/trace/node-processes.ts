// What listens on a node's own addresses besides the node ports: sshd on 22 and the kubelet on
// 10250 on every node, the API server on 6443 on the control plane (kubeadm's layout). The
// kubelet and the API server speak TLS only; sshd speaks first, with its version banner.

import { isControlPlane, type Cluster, type HttpResponse, type Node } from '../cluster/index.js';

/** Why an https:// client without -k refuses the server's certificate (OpenSSL 3's words). */
export type CertificateProblem = 'unable to get local issuer certificate' | 'self-signed certificate in certificate chain';

export type NodeProcess =
  | { readonly process: 'sshd'; readonly speaks: 'ssh'; readonly banner: string }
  | { readonly process: 'kube-apiserver' | 'kubelet'; readonly speaks: 'https'; readonly certificate: CertificateProblem };

export const SSHD_PORT = 22;
export const KUBELET_PORT = 10250;

/** Ubuntu 22.04's OpenSSH, as its banner names it. */
export const SSH_BANNER = 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10';

export function nodeProcess(cluster: Cluster, node: Node, port: number): NodeProcess | undefined {
  if (port === SSHD_PORT) return { process: 'sshd', speaks: 'ssh', banner: SSH_BANNER };
  // The kubelet's serving certificate is self-made: a leaf and the CA it made for it, sent together.
  if (port === KUBELET_PORT) return { process: 'kubelet', speaks: 'https', certificate: 'self-signed certificate in certificate chain' };
  // kubeadm's apiserver.crt is signed by the cluster's own CA, which the laptop's trust store lacks.
  if (port === cluster.config.apiServerPort && isControlPlane(node)) {
    return { process: 'kube-apiserver', speaks: 'https', certificate: 'unable to get local issuer certificate' };
  }
  return undefined;
}

/**
 * A Go TLS server's answer to a plain HTTP request (net/http server.go: the first bytes look like
 * HTTP, so it writes this and closes): HTTP/1.0, no headers.
 */
export const HTTP_TO_HTTPS: HttpResponse = {
  version: '1.0',
  status: 400,
  reason: 'Bad Request',
  headers: [],
  body: 'Client sent an HTTP request to an HTTPS server.\n',
};
