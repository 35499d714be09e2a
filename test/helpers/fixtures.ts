// Paths to the fixture courses and a loaded copy of the good one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import type { Course } from '../../src/core/course/model.js';

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const repoPath = (name: string) => fileURLToPath(new URL(`../../${name}`, import.meta.url));

export function fixtureCourse(): Course {
  const result = loadLessonDir(fixture('course'));
  if (!result.ok) throw new Error(`fixture course is broken: ${JSON.stringify(result.problems)}`);
  return result.course;
}

/** The lecture's manifests as the course ships them (lessons/manifests). */
export const lectureManifest = (name: 'pod-definition.yml' | 'pod-nodeport-service.yml'): string => readFileSync(repoPath(`lessons/manifests/${name}`), 'utf8');

/** The pods in `default`: what the learner made, without the cluster's own (kube-system, kube-flannel). */
export function learnerPods<P extends { readonly metadata: { readonly namespace: string } }>(cluster: { readonly pods: readonly P[] }): P[] {
  return cluster.pods.filter((p) => p.metadata.namespace === 'default');
}
