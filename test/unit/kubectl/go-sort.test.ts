// kubectl's --sort-by is Go's sort.Sort (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go:
// TableSorter.Sort and SortObjects both call it), which is not stable: rows whose keys are equal
// (events of the same second) come out in the order Go's pdqsort leaves them. Where the order
// depends on it most is breakPatterns (src/sort/zsortinterface.go), which swaps the places
// a+(length/4)*2-1 .. a+(length/4)*2+1 with ones picked by xorshift.Next (src/sort/sort.go:
// <<13, >>17, <<5, seeded with the length). The real kubectl 1.32 sorts lists served here, and
// the sandbox's goSort must leave ties in the same order.

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { goSort } from '../../../src/core/kubectl/go-sort.js';
import { KUBECTL, kubeconfigFor, realKubectl } from '../../helpers/real-kubectl.js';

/** The permutation goSort leaves `keys` in (by index), comparing keys with <. */
function sortedIndexes(keys: readonly number[]): number[] {
  const rows = keys.map((key, index) => ({ key, index }));
  goSort({
    length: rows.length,
    less: (i, j) => (rows[i]?.key ?? 0) < (rows[j]?.key ?? 0),
    swap: (i, j) => {
      const t = rows[i] as (typeof rows)[number];
      rows[i] = rows[j] as (typeof rows)[number];
      rows[j] = t;
    },
  });
  return rows.map((r) => r.index);
}

describe("goSort leaves ties where Go's sort.Sort does", () => {
  it('one greater key first, then 13 equal ones: partition, breakPatterns, partitionEqual (traced by hand from zsortinterface.go)', () => {
    // [1,0,0,...] of 14: the pivot (index 6) is the smallest, so partition puts nothing left of it
    // (unbalanced); breakPatterns(1,14) draws 13, 13, 9 from xorshift(13) (others 0, 0, 9) and
    // swaps places 6, 7 and 8; partitionEqual then gathers the zeros.
    assert.deepEqual(sortedIndexes([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), [6, 8, 2, 3, 4, 5, 1, 13, 10, 9, 7, 11, 12, 0]);
  });

  it('up to 12 rows are an insertion sort, which is stable', () => {
    assert.deepEqual(sortedIndexes([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]), [1, 3, 5, 7, 9, 11, 0, 2, 4, 6, 8, 10]);
  });
});

describe('--sort-by on rows with equal keys, against the real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  let server: Server;
  let kubeconfig = '';
  let keys: number[] = [];

  before(async () => {
    // Events whose lastTimestamp is one of three values, named in list order (e00, e01, ...).
    server = createServer((req, res) => {
      const url = req.url ?? '';
      res.setHeader('Content-Type', 'application/json');
      const body = (json: unknown) => res.end(JSON.stringify(json));
      if (url.startsWith('/api?')) return body({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
      if (url.startsWith('/apis?')) return body({ kind: 'APIGroupList', apiVersion: 'v1', groups: [] });
      if (url.startsWith('/api/v1?'))
        return body({
          kind: 'APIResourceList',
          groupVersion: 'v1',
          resources: [{ name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: ['get', 'list'], shortNames: ['ev'] }],
        });
      if (url.startsWith('/api/v1/namespaces/default/events'))
        return body({
          kind: 'EventList',
          apiVersion: 'v1',
          metadata: { resourceVersion: '1' },
          items: keys.map((k, i) => ({
            metadata: { name: `e${String(i).padStart(3, '0')}`, namespace: 'default' },
            involvedObject: { kind: 'Pod', name: 'web' },
            lastTimestamp: `2026-12-07T06:05:3${k}Z`,
            count: 1,
          })),
        });
      res.statusCode = 404;
      res.end('{}');
    });
    kubeconfig = await kubeconfigFor(server);
  });
  after(() => server?.close());

  // Lengths past 12 (pdqsort proper), past 50 (Tukey's ninther), with many ties (breakPatterns).
  let seed = 11;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor((seed / 2147483648) * n);
  };
  const cases: number[][] = [Array.from({ length: 16 }, (_, i) => (i === 0 ? 1 : 0)), Array.from({ length: 17 }, (_, i) => (i === 0 ? 1 : 0))];
  for (const length of [14, 24, 31, 44, 57, 70]) cases.push(Array.from({ length }, () => random(3)));

  for (const c of cases) {
    it(`${c.length} rows, keys ${c.join('')}`, async () => {
      keys = c;
      const real = await realKubectl(['get', 'events', '--sort-by=.lastTimestamp', '-o', 'name'], kubeconfig);
      assert.equal(real.code, 0, real.stderr);
      const order = real.stdout
        .trim()
        .split('\n')
        .map((line) => Number(line.slice('event/e'.length)));
      assert.deepEqual(sortedIndexes(c), order);
    });
  }
});
