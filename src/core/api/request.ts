// One HTTP request to the lab's API server and its answer, as plain data: the handler is a
// pure function of the cluster and the request, and the HTTP wiring lives in commands/serve.

export interface ApiRequest {
  readonly method: string;
  /** The path without the query, e.g. `/api/v1/namespaces/default/pods`. */
  readonly path: string;
  readonly query: ReadonlyMap<string, string>;
  readonly accept: string;
  readonly contentType: string;
  readonly body: string;
  /** The body's bytes, for protobuf bodies. */
  readonly raw?: Uint8Array;
}

export interface ApiResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export const json = (status: number, value: unknown): ApiResponse => ({ status, contentType: 'application/json', body: `${JSON.stringify(value)}\n` });

export const text = (status: number, body: string): ApiResponse => ({ status, contentType: 'text/plain', body });

/** kubectl get asks for a Table: `application/json;as=Table;v=v1;g=meta.k8s.io,...`. */
export const wantsTable = (accept: string): boolean => /(^|,)\s*application\/json;\s*as=Table;\s*v=v1(beta1)?;\s*g=meta\.k8s\.io/.test(accept);
