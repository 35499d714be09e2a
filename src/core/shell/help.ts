// What `help` prints in the sandbox.

export const SHELL_HELP = `This sandbox is a shell on your laptop, next to a simulated Kubernetes cluster
(one control-plane node, two workers). It runs:

  kubectl ...          the real verbs: run, expose, create, apply -f, get, describe, delete,
                       logs, exec, label, explain, scale, set image, rollout, patch, wait,
                       port-forward, api-resources, version, cluster-info (k works too)
                       get -w follows the changes the next 60 seconds bring, then stops as
                       Ctrl-C would; wait and rollout status let the clock run until done;
                       port-forward keeps forwarding until Ctrl-C or the next port-forward
  curl [-s] [-v] [-I] [-k] [-X METHOD] [-H HEADER] [-o /dev/null] [-w FORMAT] [-m SECONDS] URL
                       a request from your laptop, e.g. curl http://203.0.113.11:31231
  trace [--from pod/NAME] URL
                       the path a request would take, hop by hop: the iptables rules, the
                       NAT, the pod that answers (nothing is sent); trace lb/SERVICE goes
                       through a LoadBalancer service's load balancer
  iptables-save [--node NAME] [-t nat|filter]
                       the rules kube-proxy wrote on a node (worker-1 unless you say)
  firewall [open|close PORT|FROM-TO|all]
                       the nodes' cloud firewall (a security group); open unless you close it
  nodes                the nodes and their IPs (kubectl get nodes -o wide)
  sleep SECONDS        let time pass on the cluster
  history              the commands you ran
  reset                start again from an empty cluster
  clear                clear the screen
  help                 this text
  exit                 leave (Ctrl-D works too)

The lesson's manifests can be applied by name (kubectl apply -f pod-definition.yml), and files
in the folder you started from can be read too.
`;
