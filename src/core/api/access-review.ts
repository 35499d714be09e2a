// `kubectl auth can-i VERB RESOURCE`: a SelfSubjectAccessReview posted to authorization.k8s.io/v1.
// The lab asks for no credentials on the loopback and its one user may do everything, so every
// review comes back allowed, as an API server with the learner bound to cluster-admin answers it.
// kubectl sends it as protobuf and reads a JSON answer as well.
import { json, type ApiRequest, type ApiResponse } from './request.js';
import { plainStatus } from './status.js';

export const ACCESS_REVIEW_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

export function accessReview(request: ApiRequest): ApiResponse {
  if (request.method !== 'POST') return json(405, plainStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
  // kubectl posts the review as protobuf, which the lab does not read: only the answer matters to it.
  let spec: unknown = {};
  try {
    const review: unknown = JSON.parse(request.body);
    if (typeof review === 'object' && review !== null && !Array.isArray(review)) spec = (review as { spec?: unknown }).spec ?? {};
  } catch {
    spec = {};
  }
  return json(201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: true },
  });
}
