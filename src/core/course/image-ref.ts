// Two spellings of one container image: what a goal about a pod's image compares.

/**
 * An image reference as the runtime pulls it: Docker Hub's default registry and `library/` spelled
 * out or not, and no tag meaning `latest` (`nginx`, `docker.io/library/nginx:latest` are one image).
 */
export function imageRef(image: string): string {
  let ref = image.replace(/^(?:index\.)?docker\.io\//, '');
  if (ref.startsWith('library/')) ref = ref.slice('library/'.length);
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  return last.includes(':') || last.includes('@') ? ref : `${ref}:latest`;
}

export const sameImage = (a: string, b: string): boolean => a === b || imageRef(a) === imageRef(b);
