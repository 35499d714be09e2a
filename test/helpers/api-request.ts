// A request to the lab's API handler, as the server reads one off the wire: JSON in and out.

/** A request with no query, JSON accepted and sent. */
export const apiRequest = (method: string, path: string, body = '') => ({
  method,
  path,
  query: new Map<string, string>(),
  accept: 'application/json',
  contentType: 'application/json',
  body,
});
