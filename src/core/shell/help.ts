// What `help` prints at a prompt: in the sandbox, and in a lesson's practice steps, where only the
// course's manifests can be read. Kept under 78 columns, so it reads whole in an 80-column window.
import type { FolderFiles } from './folder.js';

/** Files a prompt can read beyond the course's manifests: a folder on the learner's computer. */
export interface FolderAccess {
  /** The folder relative paths are read from; absent where only the manifests can be read. */
  readonly folder?: string;
  /** The terminal's width, for the columns of `ls` (absent: 80, as GNU ls assumes with no terminal width known). */
  readonly columns?: number;
  /**
   * Standard output is a pipe or a file, not a terminal (a scripted sandbox's): `ls` then lists one
   * name a line, unquoted, as GNU ls does when its output is not a terminal.
   */
  readonly piped?: boolean;
  /** The folder's own names and reader for `ls` and `cat`, where it is on disk. */
  folderFiles?(): FolderFiles;
}

const COMMANDS = `It runs:

  kubectl ...     the real verbs: run, expose, create, apply -f, get,
                  describe, delete, logs, exec, label, annotate, explain,
                  scale, set image, set selector, replace -f, rollout,
                  patch, wait, port-forward, api-resources, version,
                  cluster-info (k works too).
                  get -w follows what the next 60 seconds bring, then stops
                  as Ctrl-C would; wait and rollout status let the clock run
                  until done; port-forward forwards until Ctrl-C or the next
                  port-forward
  curl [-s] [-v] [-I] [-k] [-X METHOD] [-H HEADER] [-o /dev/null]
       [-w FORMAT] [-m SECONDS] URL
                  a request from your laptop: curl http://203.0.113.11:31231
  trace [--from pod/NAME] URL
                  the path a request would take, hop by hop: the iptables
                  rules, the NAT, the pod that answers (nothing is sent);
                  trace lb/SERVICE goes through a LoadBalancer's load balancer
  iptables-save [--node NAME] [-t nat|filter]
                  the rules kube-proxy wrote on a node (worker-1 by default)
  firewall [open|close PORT|FROM-TO|all]
                  the nodes' cloud firewall; open unless you close it
  nodes           the nodes and their IPs (kubectl get nodes -o wide)
  ls [-l] [-a]    the files kubectl apply -f reads here
  cat FILE        show one of them (there is no editor to change it)
  sleep SECONDS   let time pass on the cluster
  history         the commands you ran
  reset           start again from an empty cluster
  clear           clear the screen
  help            this text
  exit            leave (Ctrl-D works too)
`;

export function shellHelp(access: FolderAccess): string {
  const intro = 'This prompt is a shell on your laptop, next to a simulated Kubernetes\ncluster (one control-plane node, two workers). ';
  const files =
    access.folder === undefined
      ? `The course's manifests can be applied by name (kubectl apply -f
pod-definition.yml). Nothing else on your computer is read here; to apply a
file of your own, run nodeport-lab sandbox in its folder.
`
      : `The course's manifests can be applied by name (kubectl apply -f
pod-definition.yml), and files in the folder you started the sandbox from
can be read too (kubectl apply -f my-service.yml).
`;
  return `${intro}${COMMANDS}\n${files}`;
}

/** The sandbox's help, reading the folder it was started from. */
export const SHELL_HELP = shellHelp({ folder: '.' });
