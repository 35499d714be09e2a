// Label selectors read as labels.Parse reads them (apimachinery 0.32 pkg/labels/selector.go): the
// same requirements, the same matches, the same error texts. The real kubectl 1.32 parses a
// selector itself in `set selector` (metav1.ParseToLabelSelector) before it asks any server, so its
// own messages are compared here offline; `get -l` and the lab's API answer with the same text,
// inside the API server's BadRequest as kubectl's resource builder words it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { handle } from '../../../src/core/api/handle.js';
import { parseSelector, selectorMatches } from '../../../src/core/kubectl/label-selector.js';
import { apiRequest } from '../../helpers/api-request.js';
import { KUBECTL } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { tempDir } from '../../helpers/temp.js';

const SELECTORS = [
  'a b',
  'a=b=c',
  'a,',
  '!',
  'a in (x',
  'a>x',
  'a>1',
  'a<-3',
  '-',
  'a=b!',
  'a in ((b))',
  '!a=b',
  'x/y/z=1',
  'a=%%',
  'a in ()',
  'a in (,b,,)',
  'a notin (in, notin)',
  'in in (in)',
  ',a',
  'a==b,b!=c',
  'a!=b',
  'app in (a,b)',
  'a=b c',
  'a in x',
  '(a)',
  'example.com/app=web,!tier',
  'a=' + 'x'.repeat(64),
  'A_b.c=V-1,  z',
  'a\tin\t(b)',
  'a in (b c)',
];

/** What the real kubectl says of the selector in `set selector`, offline (its server refuses at once). */
function kubectlSays(selector: string, kubeconfig: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(
      KUBECTL ?? 'kubectl',
      ['set', 'selector', 'svc/x', selector, '--dry-run=client'],
      { env: { ...process.env, KUBECONFIG: kubeconfig } },
      (_error, _stdout, stderr) => resolve(stderr),
    );
  });
}

describe('labels.Parse, as the API server and kubectl read a selector', () => {
  it('requirements come out sorted by key, set values sorted and once each, empty values kept', () => {
    const parsed = parseSelector('z in (b,a,b), a notin (,x), !m, k==v, n=, g>10');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.requirements, [
      { op: 'notin', key: 'a', values: ['', 'x'] },
      { op: 'gt', key: 'g', value: '10' },
      { op: 'eq', key: 'k', value: 'v' },
      { op: 'notexists', key: 'm' },
      { op: 'eq', key: 'n', value: '' },
      { op: 'in', key: 'z', values: ['a', 'b'] },
    ]);
  });

  it('matches as Requirement.Matches does: notin and != match a missing key, gt and lt need an integer label', () => {
    const matches = (selector: string, labels: Record<string, string>) => {
      const parsed = parseSelector(selector);
      assert.ok(parsed.ok, selector);
      return selectorMatches(parsed.requirements, labels);
    };
    assert.equal(matches('a notin (x)', {}), true);
    assert.equal(matches('a!=x', {}), true);
    assert.equal(matches('a in (x)', {}), false);
    assert.equal(matches('a in ()', { a: '' }), true, '() is the empty value');
    assert.equal(matches('tier>2', { tier: '3' }), true);
    assert.equal(matches('tier>2', { tier: 'three' }), false);
    assert.equal(matches('tier<2', {}), false);
    assert.equal(matches('tier<2', { tier: '-5' }), true, 'a label value that reads as a negative integer');
    assert.equal(matches('big>9007199254740992', { big: '9007199254740993' }), true, 'compared as int64, not as a float');
  });

  it('a selector the server cannot read: get, describe and delete print its BadRequest, worded by the resource builder', () => {
    const s = new Session(2);
    const got = s.run('get pods -l "a b"');
    assert.equal(
      got.stderr,
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a b", field selector "": unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt\n',
    );
    assert.equal(got.stdout, '');
    assert.equal(got.exitCode, 1);
    assert.equal(
      s.run('get deploy,svc -l a,').stderr,
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "a,", field selector "": found \'\', expected: identifier after \',\'\n' +
        'Error from server (BadRequest): Unable to find "/v1, Resource=services" that match label selector "a,", field selector "": found \'\', expected: identifier after \',\'\n',
    );
    assert.match(
      s.run('describe pods -l !').stderr,
      /^Error from server \(BadRequest\): Unable to find "\/v1, Resource=pods" that match label selector "!", field selector "": unable to parse requirement: found '', expected: identifier\n$/,
    );
    assert.match(s.run('delete pods -l a=b=c').stderr, /^Error from server \(BadRequest\): .*: found '=', expected: ',' or 'end of string'\n$/);
  });

  it("the lab's API answers 400 with labels.Parse's own message", () => {
    const s = new Session(2);
    const request = { ...apiRequest('GET', '/api/v1/namespaces/default/pods'), query: new Map([['labelSelector', 'a in (x']]) };
    const answer = handle(s.cluster, request).response;
    assert.equal(answer.status, 400);
    assert.equal((JSON.parse(answer.body) as { message: string }).message, "unable to parse requirement: found '', expected: ',' or ')'");
  });

  it('set selector: a set-based selector is refused for a Service, as updateSelectorForObject does', () => {
    const s = new Session(2);
    s.run('run web --image=nginx');
    s.run('expose pod web --port=80');
    assert.equal(s.run("set selector svc web 'app in (b,a)'").stderr, 'error: match expression [{app In [a b]}] not supported on this object\n');
    assert.equal(s.run("set selector svc web 'x,!y'").stderr, 'error: match expression [{x Exists []} {y DoesNotExist []}] not supported on this object\n');
    assert.equal(s.run('set selector svc web app=web,run==web').stdout, 'service/web selector updated\n');
  });

  it('every error text equals the real kubectl 1.32’s own, offline', { skip: KUBECTL ? false : 'needs the real kubectl 1.32' }, async () => {
    const kubeconfig = join(tempDir('npl-selector-'), 'config');
    // A server nothing answers at: kubectl reads the selector before it asks for anything.
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:1"}\n  name: x\ncontexts:\n- context: {cluster: x, user: u}\n  name: x\ncurrent-context: x\nusers:\n- name: u\n  user: {}\n',
    );
    const theirs = await Promise.all(SELECTORS.map((selector) => kubectlSays(selector, kubeconfig)));
    SELECTORS.forEach((selector, i) => {
      const said = theirs[i] ?? '';
      const ours = new Session(2).run(`set selector svc/x '${selector.replaceAll("'", "'\\''")}' --dry-run=client`).stderr;
      if (said.startsWith('error: ')) assert.equal(ours, said, selector);
      else assert.doesNotMatch(ours, /couldn't parse|not a valid|isn't supported/, `${selector}: kubectl read it (${said.split('\n')[0]})`);
    });
  });
});
