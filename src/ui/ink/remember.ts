// A cache for results Ink works out again on every frame, kept from one frame to the next. It is
// emptied when it grows past its limit, so a long session cannot fill memory with lines long gone;
// a key longer than a screen's worth (a long block the sandbox prints once) is not kept at all.
const LONGEST_KEY = 2000;

/** A remembering function; `kept()` says how many answers it holds. */
export type Remembered<T> = ((key: string) => T) & { readonly kept: () => number };

export function remember<T>(compute: (key: string) => T, limit = 4096): Remembered<T> {
  const known = new Map<string, T>();
  const answer = (key: string): T => {
    if (key.length > LONGEST_KEY) return compute(key);
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= limit) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
  return Object.assign(answer, { kept: () => known.size });
}
