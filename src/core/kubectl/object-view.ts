// A core/v1 object the lab writes from a manifest (a Pod, a Service, a Namespace) as the API
// server answers it.

import type { ApiObject } from '../cluster/index.js';
import { podView, serviceView } from './api-view.js';
import type { JsonValue } from './go-yaml.js';
import { namespaceView } from './workload-views.js';

export function apiObjectView(object: ApiObject, now: number): JsonValue {
  if (object.kind === 'Pod') return podView(object, now);
  return object.kind === 'Namespace' ? namespaceView(object) : serviceView(object);
}
