// "Close, but not it": when a command the learner ran is near what the step asks but misses, one
// short line that says why, found by comparing what kubectl understood with the step's deeds and
// solution lines part by part (verb, type, names, flags, outcome), and the request with the goal's.
import { isSystemNamespace, matchesSelector, type Cluster } from '../cluster/index.js';
import { containerState } from '../cluster/pod-status.js';
import type { Answer } from '../kubectl/answer.js';
import { deedOfLine, differences, type Deed, type Difference } from './deeds.js';
import { understand } from '../kubectl/understood.js';
import { checkGoal, deedsOf, describeCondition, firewallPort, type Attempt, type Condition } from './goals.js';
import type { DoStep } from './model.js';
import { fillTemplates } from './template.js';
import { sameImage } from './image-ref.js';
import { curlTarget, type Target } from '../shell/curl.js';
import { splitShellWords } from '../kubectl/shell-words.js';

const REQUEST_WORDS = { answered: 'answered', refused: 'refused', timeout: 'timed out' } as const;

/** The URL of a curl line, read as curl reads its words (`curl -m 5 http://203.0.113.11:31231/`), or null. */
function curlUrl(line: string): Target | null {
  const split = splitShellWords(line);
  return split.ok && split.words[0] === 'curl' ? curlTarget(split.words.slice(1)) : null;
}

/**
 * A Service's DNS name (`web`, `web.default`, `web.default.svc.cluster.local`): cluster DNS answers
 * it for pods, not for the learner's machine.
 */
function serviceNamed(host: string, cluster: Cluster): string | null {
  const [name, namespace = 'default', ...rest] = host.split('.');
  if (rest.length > 0 && rest[0] !== 'svc') return null;
  const found = cluster.services.find((s) => s.metadata.name === name && s.metadata.namespace === namespace);
  return found ? found.metadata.name : null;
}

/** The learner's own machine: `localhost`, 127.0.0.0/8. */
const isLoopback = (host: string): boolean => host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host);

function requestMiss(goal: readonly Condition[], met: readonly boolean[], attempt: Attempt, after: Cluster): string | null {
  const { request } = attempt;
  if (!request) return unresolved(goal, met, attempt, after);
  for (const [i, condition] of goal.entries()) {
    if (met[i] || !('request' in condition)) continue;
    const want = condition.request;
    if (want.service !== undefined && request.service !== want.service) {
      if (request.service === undefined) {
        const nodePort = after.services.find((s) => s.metadata.name === want.service)?.spec.ports[0]?.nodePort;
        const target = curlUrl(attempt.line);
        if (nodePort === undefined) return `that request reached no Service, so not ${want.service}`;
        if (target && target.port === nodePort && isLoopback(target.host))
          return `that request reached no Service: ${target.host} is this machine, not a node; use a node's EXTERNAL-IP with port ${nodePort}`;
        if (target && target.port === nodePort)
          return `that request reached no Service: port ${nodePort} is right, but this machine does not reach ${target.host}`;
        return `that request reached no Service; ${want.service} answers on node port ${nodePort}`;
      }
      return `that request went through ${request.service}, not ${want.service}`;
    }
    if (want.port !== undefined && request.service !== undefined) {
      const ports = after.services.find((s) => s.metadata.name === request.service)?.spec.ports ?? [];
      if (!ports.some((p) => p.port === want.port))
        return `that request went through ${request.service}, on port ${ports[0]?.port ?? '?'}; the goal is a service on port ${want.port}`;
    }
    if (request.outcome !== want.outcome) return `that request was ${REQUEST_WORDS[request.outcome]}; the goal is one that ${REQUEST_WORDS[want.outcome]}`;
  }
  return null;
}

/**
 * A curl that gave no page: its host a Service's name, which only pods can look up, or https://
 * to a node port whose app speaks plain HTTP.
 */
function unresolved(goal: readonly Condition[], met: readonly boolean[], attempt: Attempt, after: Cluster): string | null {
  // curl's TLS handshake read a plain HTTP answer (OpenSSL's "wrong version number").
  const wantsPage = goal.some((c, i) => !met[i] && 'request' in c && c.request.outcome === 'answered');
  if (wantsPage && attempt.answer?.accepted === false && attempt.answer.message.includes('wrong version number'))
    return 'that request used https://, and the app answers plain HTTP on its node port: use http://';
  const host = curlUrl(attempt.line)?.host;
  const named = host === undefined ? null : serviceNamed(host, after);
  if (named === null) return null;
  for (const [i, condition] of goal.entries()) {
    if (met[i] || !('request' in condition) || condition.request.service === undefined) continue;
    const nodePort = after.services.find((s) => s.metadata.name === condition.request.service)?.spec.ports[0]?.nodePort;
    const way = nodePort === undefined ? "a node's EXTERNAL-IP and the node port" : `a node's EXTERNAL-IP with port ${nodePort}`;
    return `that request reached no Service: the name ${named} is known only inside the cluster; use ${way}`;
  }
  return null;
}

/** A `firewall open|close` of another port than the one an unmet firewall condition is about. */
function firewallMiss(goal: readonly Condition[], met: readonly boolean[], attempt: Attempt, after: Cluster): string | null {
  const words = attempt.line.trim().split(/\s+/);
  if (words[0] !== 'firewall' || (words[1] !== 'open' && words[1] !== 'close') || words[2] === undefined) return null;
  for (const [i, condition] of goal.entries()) {
    if (met[i] || !('firewall' in condition)) continue;
    const port = firewallPort(condition.firewall, after);
    if (port === null) continue;
    const want = condition.firewall.open ? 'open' : 'closed';
    return `that ${words[1] === 'open' ? 'opened' : 'closed'} ${words[2]}; the goal is port ${port} ${want}`;
  }
  return null;
}

/** How a Service the command made or changed differs from an unmet service condition about it. */
function objectMiss(goal: readonly Condition[], met: readonly boolean[], before: Cluster, after: Cluster): string | null {
  const touched = after.services.filter((s) => !before.services.includes(s));
  for (const service of touched) {
    for (const [i, condition] of goal.entries()) {
      if (met[i] || !('service' in condition)) continue;
      const want = condition.service;
      if (want.name !== undefined && want.name !== service.metadata.name) continue;
      const port = service.spec.ports[0];
      const diffs: string[] = [];
      if (want.type !== undefined && service.spec.type !== want.type) diffs.push(`the goal is type ${want.type}`);
      if (want.port !== undefined && port?.port !== want.port) diffs.push(`port is ${port?.port ?? 'missing'}, not ${want.port}`);
      if (want.targetPort !== undefined && String(port?.targetPort) !== String(want.targetPort))
        diffs.push(`targetPort is ${port?.targetPort ?? 'missing'}, not ${want.targetPort}`);
      if (want.nodePort !== undefined && port?.nodePort !== want.nodePort) diffs.push(`nodePort is ${port?.nodePort ?? 'missing'}, not ${want.nodePort}`);
      if (want.selects !== undefined) {
        const pod = after.pods.find((p) => p.metadata.name === want.selects);
        const selector = service.spec.selector ?? {};
        if (!pod || !matchesSelector(selector, pod.metadata.labels ?? {})) {
          const shown =
            Object.entries(selector)
              .map(([k, v]) => `${k}=${v}`)
              .join(',') || 'none';
          diffs.push(`its selector ${shown} does not select ${want.selects}`);
        }
      }
      if (diffs.length) return diffs.slice(0, 2).join('; ');
    }
  }
  return null;
}

/** What the command did to the cluster, in a few words: `that made a ClusterIP service`. */
function effect(before: Cluster, after: Cluster, answer: Answer | undefined): string {
  const made = after.services.find((s) => !before.services.some((b) => b.metadata.name === s.metadata.name));
  if (made) return `that made a ${made.spec.type} service`;
  const pod = after.pods.find((p) => !before.pods.some((b) => b.metadata.name === p.metadata.name));
  if (pod) return `that made pod ${pod.metadata.name}`;
  if (answer && !answer.accepted) return answer.by === 'api' ? 'the API refused that' : 'kubectl refused that';
  return 'close';
}

/**
 * The right command, refused because an object of that name is already there (made wrong a moment
 * ago): the way on is to delete it and run the command again.
 */
function alreadyThere(answer: Answer | undefined): string | null {
  if (!answer || answer.accepted || answer.reason !== 'AlreadyExists') return null;
  const named = /^([a-z.]+) "([^"]+)" already exists/.exec(answer.message);
  if (!named) return null;
  const [, type = '', name = ''] = named;
  const kind = (type.split('.')[0] ?? type).replace(/s$/, '');
  return `${kind} ${name} is already there: kubectl delete ${kind} ${name}, then run this again`;
}

/** kubectl's commands that change nothing in the cluster, and the shell's that only look. */
const READS = new Set(['get', 'describe', 'logs', 'explain', 'api-resources', 'api-versions', 'version', 'cluster-info', 'top', 'events', 'curl', 'wget']);

/**
 * A command that changed nothing in the cluster: one that only looks, or one kubectl itself refused
 * before it sent anything (a file that is not there, a flag it does not know).
 */
function changedNothing(attempt: Attempt): boolean {
  if (attempt.answer?.accepted === false && attempt.answer.by === 'kubectl') return true;
  const read = understand(attempt.line);
  return read.ok && READS.has(read.understood.verb.split(' ')[0] ?? '');
}

/** The right command as a dry run, which changes nothing in the cluster. */
function dryRun(attempt: Attempt): string | null {
  const read = understand(attempt.line);
  const mode = read.ok ? read.understood.flags['dry-run'] : undefined;
  if (mode === undefined || mode === 'none' || !attempt.answer?.accepted) return null;
  return 'that was a dry run: nothing changed; run it again without --dry-run';
}

const namesCommand = (deed: Deed): boolean =>
  deed.program !== undefined || deed.verb !== undefined || deed.type !== undefined || deed.names !== undefined || deed.flags !== undefined;

/** A deed is near when it is the same program and verb, and at most the type or a few other parts differ. */
function near(diffs: readonly Difference[]): boolean {
  if (diffs.some((d) => d.part === 'program' || d.part === 'verb')) return false;
  if (diffs.some((d) => d.part === 'type') && diffs.length > 1) return false;
  return diffs.length <= 3;
}

/**
 * A pod the goal names that is there with another image, made by an earlier command: no later
 * command meets the goal until it is made again, so this line stays while it holds.
 */
function wrongImage(goal: readonly Condition[], met: readonly boolean[], before: Cluster, after: Cluster): string | null {
  for (const [i, condition] of goal.entries()) {
    if (met[i] || !('pod' in condition)) continue;
    const { name, image } = condition.pod;
    if (name === undefined || image === undefined) continue;
    const named = (p: Cluster['pods'][number]) => p.metadata.name === name && !isSystemNamespace(p.metadata.namespace);
    const pod = after.pods.find(named);
    const had = before.pods.find(named);
    // A pod this command made (or made again) gets the command's own line.
    if (!pod || !had || had.metadata.uid !== pod.metadata.uid) continue;
    const images = pod.spec.containers.map((c) => c.image);
    if (images.some((x) => sameImage(x, image))) continue;
    return `pod ${name} runs ${images.join(', ') || 'no image'}, not ${image}: kubectl delete pod ${name}, then make it again`;
  }
  return null;
}

/**
 * A pod the goal wants Running that is still starting, seen by a read: it gets there by itself, and
 * the clock moves only as commands run, so the way on is to look again.
 */
function stillStarting(goal: readonly Condition[], met: readonly boolean[], after: Cluster): string | null {
  for (const [i, condition] of goal.entries()) {
    if (met[i] || !('pod' in condition) || !condition.pod.running || condition.pod.name === undefined) continue;
    const pod = after.pods.find((p) => p.metadata.name === condition.pod.name && !isSystemNamespace(p.metadata.namespace));
    if (!pod) continue;
    const st = containerState(pod, after.now);
    if (st.state === 'waiting' && st.reason === 'ContainerCreating')
      return `${pod.metadata.name} is still ContainerCreating: run kubectl get pods again in a few seconds, until it is Running`;
  }
  return null;
}

/**
 * One line on why a command that was run in a do step is close to its goal but misses, or null
 * (the goal is met, the command does what a solution line does, or it is not close to anything).
 * A pod of the goal's name with another image is named first, whatever the command was.
 */
export function nearMiss(step: DoStep, attempt: Attempt, before: Cluster, after: Cluster, attempts: readonly Attempt[]): string | null {
  const met = checkGoal(step.goal, after, attempts).map((p) => p.met);
  if (met.every(Boolean)) return null;
  const own = commandMiss(step, attempt, before, after, attempts, met);
  if (own !== null && alreadyThere(attempt.answer) === own) return own;
  return wrongImage(step.goal, met, before, after) ?? own ?? (changedNothing(attempt) ? stillStarting(step.goal, met, after) : null);
}

function commandMiss(step: DoStep, attempt: Attempt, before: Cluster, after: Cluster, attempts: readonly Attempt[], met: readonly boolean[]): string | null {
  // A command that met a part of the goal did what was asked of it: no line says it missed. A
  // command that only reads, or that kubectl refused, changed nothing: what the clock did meanwhile
  // (a pod now Running) was not its doing, so the parts are weighed on the cluster as it is now,
  // with and without it.
  const earlier = checkGoal(
    step.goal,
    changedNothing(attempt) ? after : before,
    attempts.filter((a) => a !== attempt),
  ).map((p) => p.met);
  // A command that undid a part that held is told so first, whatever else it did (a pod relabelled
  // for one Service is lost to another).
  const undone = step.goal.findIndex((condition, i) => earlier[i] && !met[i]);
  if (undone >= 0) return `that undid a part of the goal that held: ${fillTemplates(describeCondition(step.goal[undone]!), after)}`;
  if (met.some((m, i) => m && !earlier[i])) return null;
  const request = requestMiss(step.goal, met, attempt, after);
  if (request) return request;
  const firewall = firewallMiss(step.goal, met, attempt, after);
  if (firewall) return firewall;
  const goalDeeds: Deed[] = step.goal.flatMap((condition, i) => (met[i] ? [] : deedsOf(condition)));
  const solutionDeeds: Deed[] = (step.solutions ?? []).flatMap((solution) =>
    solution.flatMap((line) => {
      const deed = deedOfLine(fillTemplates(line, before));
      return deed ? [deed] : [];
    }),
  );
  const onlyOutcome = (diffs: readonly Difference[]) => diffs.every((d) => d.part === 'outcome');
  // A deed that names no command (any command refused for nodePort 29999) is near nothing by itself.
  const candidates = [...goalDeeds.filter(namesCommand), ...solutionDeeds];
  const found = candidates.map((deed) => differences(deed, attempt.line, attempt.answer));
  if (found.some((diffs) => diffs.length === 0)) {
    // The command is one a solution or the goal names: only how it ended can be off.
    const ending = goalDeeds.map((deed) => differences(deed, attempt.line, attempt.answer)).find((diffs) => diffs.length > 0 && onlyOutcome(diffs));
    if (ending) return `${effect(before, after, attempt.answer)}: ${ending[0]!.says}`;
    // A solution that reads every object of the type (describe svc) is met by a read of any one,
    // even one that is not there: refused, the name is what to change.
    const misnamed =
      attempt.answer?.accepted === false
        ? goalDeeds.map((deed) => differences(deed, attempt.line, attempt.answer)).find((diffs) => near(diffs) && diffs.some((d) => d.part === 'names'))
        : undefined;
    if (misnamed) return `${effect(before, after, attempt.answer)}: ${misnamed.find((d) => d.part === 'names')!.says}`;
    // A solution's parts and one more (--target-port=8080) can still make the Service wrong.
    const object = objectMiss(step.goal, met, before, after);
    if (object) return `${effect(before, after, attempt.answer)}: ${object}`;
    return alreadyThere(attempt.answer) ?? dryRun(attempt);
  }
  let best: Difference[] | null = null;
  // Fewest differences wins; on a tie, one that names a part of the command (it says what to change),
  // then the one whose values are nearest to what was typed: pod-nodeport-service.yaml was meant
  // for pod-nodeport-service.yml, not for the step's other file.
  const nearness = (diffs: readonly Difference[]) => diffs.reduce((n, d) => n + (d.off ?? 0), 0);
  const score = (diffs: readonly Difference[]) => diffs.length + (onlyOutcome(diffs) ? 0.5 : 0) + nearness(diffs) / (1 + nearness(diffs)) / 4;
  for (const diffs of found) {
    if (near(diffs) && (best === null || score(diffs) < score(best))) best = diffs;
  }
  if (!best) {
    const object = objectMiss(step.goal, met, before, after);
    return object ? `${effect(before, after, attempt.answer)}: ${object}` : null;
  }
  // The command's own parts first: they say what to change.
  const ordered = [...best.filter((d) => d.part !== 'outcome'), ...best.filter((d) => d.part === 'outcome')];
  const why = ordered
    .slice(0, 2)
    .map((d) => d.says)
    .join('; ');
  return `${effect(before, after, attempt.answer)}: ${why}`;
}
