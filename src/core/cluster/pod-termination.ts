// A pod deleted with its grace period (the kubelet's graceful stop): the API server sets its
// deletionTimestamp to the moment of the delete plus the grace period
// (staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete), the pod shows as
// Terminating, and it goes once its container has stopped, which an nginx-like container does
// on its stop signal within about a second, or when the grace period ends if that is shorter.

import type { Pod, PodTermination } from './types.js';

/** How long an nginx-like container takes to stop on its stop signal. */
export const STOP_MS = 1_000;

/** The termination of a pod deleted at `at` with its own grace period, or the one its DELETE gave. */
export function gracefulTermination(pod: Pod, at: number, grace: number = pod.spec.terminationGracePeriodSeconds): PodTermination {
  return { deletionTimestamp: at + grace * 1000, graceSeconds: grace, goneAt: at + Math.min(STOP_MS, grace * 1000) };
}

/** The pod, Terminating from `at` (a pod already terminating keeps its first deletion). */
export function terminatePod(pod: Pod, at: number, grace?: number): Pod {
  const { collectAt: _collected, ...rest } = pod;
  if (pod.terminating) return _collected === undefined ? pod : rest;
  return { ...rest, terminating: gracefulTermination(pod, at, grace) };
}
