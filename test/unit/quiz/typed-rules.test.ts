import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grade } from '../../../src/core/quiz/grade.js';
import type { Question } from '../../../src/core/quiz/model.js';
import { readNumber } from '../../../src/core/quiz/normalize.js';
import { readUrl } from '../../../src/core/quiz/url.js';
import { learnerFacts, typedRange, typedUrl } from './samples.js';

const f = learnerFacts;
const answer = (q: Question, text: string, facts = learnerFacts) => grade(q, { kind: 'typed', text }, facts);

describe('typed: port-in-range', () => {
  it('accepts both ends of the range and anything between, after normalising', () => {
    for (const text of ['30000', '32767', ' 31231 ', '031231', '31 231']) assert.equal(answer(typedRange, text).correct, true, text);
  });

  it('says which side of the range a port falls on', () => {
    const below = answer(typedRange, '29999');
    assert.equal(below.correct, false);
    assert.match(below.feedback[0]!, /29999 is below 30000/);
    assert.match(answer(typedRange, '32768').feedback[0]!, /32768 is above 32767/);
    assert.match(answer(typedRange, '99999').feedback[0]!, /larger than 65535/);
    assert.match(answer(typedRange, '0').feedback[0]!, /not a usable port/);
  });

  it("prefers the author's reason for a known wrong value", () => {
    const g = answer(typedRange, '080');
    assert.match(g.feedback[0]!, /EIGHTY/);
    assert.match(g.feedback[1]!, /any port from 30000 to 32767/);
  });
});

describe('typed: url', () => {
  const good = `${f.nodeIP}:${f.nodePort}`;

  it('accepts the node IP and node port with or without scheme and trailing slash, and with stray spaces', () => {
    for (const text of [`http://${good}`, `http://${good}/`, good, `  HTTP://${good}  `, `http:// ${f.nodeIP} : 0${f.nodePort}`]) {
      assert.equal(answer(typedUrl, text).correct, true, text);
    }
  });

  it('reads an answer typed as the whole curl command as its URL, options and all', () => {
    for (const text of [`curl http://${good}`, `curl -s http://${good}/`, `CURL -m 5 ${good}`, `curl --max-time 5 -v http://${good}`]) {
      assert.equal(answer(typedUrl, text).correct, true, text);
    }
    const wrong = answer(typedUrl, `curl http://${f.nodeIP}:30001`);
    assert.equal(wrong.correct, false);
    assert.doesNotMatch(wrong.feedback.join(' '), /curlhttp/);
    assert.match(wrong.feedback[0]!, /Port 30001 is not the port to use here/);
  });

  it('rejects the pod IP with the reason given for it', () => {
    const g = answer(typedUrl, `http://${f.podIP}:${f.nodePort}`);
    assert.equal(g.correct, false);
    assert.equal(g.feedback[0], `POD-IP: ${f.podIP} is the pod.`);
    assert.equal(g.feedback.length, 2, 'one reason (the port is right), then the answer');
    assert.equal(g.feedback[1], `The answer is http://${good}.`);
  });

  it('rejects the ClusterIP with its service port with one reason for each', () => {
    const g = answer(typedUrl, `http://${f.clusterIP}:${f.servicePort}`);
    assert.equal(g.correct, false);
    assert.equal(g.feedback[0], `CLUSTER-IP: ${f.clusterIP} is inside only.`);
    assert.equal(g.feedback[1], `SERVICE-PORT: ${f.servicePort} is on the cluster IP.`);
  });

  it('explains a wrong port, a missing port, a wrong scheme, an unknown host and a path in plain words', () => {
    assert.match(answer(typedUrl, `${f.nodeIP}:30001`).feedback[0]!, /Port 30001 is not the port to use here/);
    assert.match(answer(typedUrl, `${f.nodeIP}`).feedback[0]!, /no port in the address, so the request would go to port 80/);
    assert.match(answer(typedUrl, `https://${good}`).feedback[0]!, /starts with https:\/\/, but this one is reached with http:\/\//);
    assert.match(answer(typedUrl, `http://198.51.100.7:${f.nodePort}`).feedback[0]!, /198\.51\.100\.7 is not the address/);
    assert.match(answer(typedUrl, `http://${good}/index.html`).feedback[0]!, /Leave out "\/index\.html"/);
    assert.match(answer(typedUrl, `http://${f.nodeIP}:99999`).feedback[0]!, /larger than 65535/);
    assert.match(answer(typedUrl, `http://${f.nodeIP}:port`).feedback[0]!, /port is not a number/);
    assert.match(answer(typedUrl, 'http://').feedback[0]!, /does not look like an address/);
  });

  it('a missing port is not mistaken for the service port when that happens to be 80', () => {
    const g = answer(typedUrl, f.nodeIP as string, { ...learnerFacts, servicePort: 80 });
    assert.doesNotMatch(g.feedback.join('\n'), /SERVICE-PORT/);
    assert.match(g.feedback[0]!, /no port in the address/);
  });

  it('drops a hint whose fact is missing instead of showing a raw placeholder', () => {
    const noPod = Object.fromEntries(Object.entries(learnerFacts).filter(([name]) => name !== 'podIP'));
    const g = answer(typedUrl, `http://10.244.1.9:${f.nodePort}`, noPod);
    assert.equal(g.correct, false);
    assert.doesNotMatch(g.feedback.join('\n'), /\{\{|POD-IP/);
    assert.match(g.feedback[0]!, /10\.244\.1\.9 is not the address/);
  });
});

describe('reading input', () => {
  it('reads numbers forgivingly and explains what it cannot read', () => {
    assert.deepEqual(readNumber(' 0031231 '), { ok: true, value: 31231 });
    assert.equal(readNumber('31,231').ok, false);
    assert.equal(readNumber('0x50').ok, false);
  });

  it('splits a URL into its parts without hiding a typed default port', () => {
    const url = readUrl('HTTP://203.000.113.011:80/');
    assert.equal(url?.scheme, 'http');
    assert.equal(url?.host, '203.0.113.11');
    assert.deepEqual(url?.port, { ok: true, value: 80 });
    assert.equal(url?.path, '/');
    assert.equal(readUrl('203.0.113.11')?.port, null);
  });
});

describe('typed answers are judged by meaning', () => {
  it("takes a port with its name in front of it: 'port 80', 'Port: 80', 'targetPort=80'", () => {
    for (const text of ['port 80', 'Port: 80', 'port=80', 'targetPort 80', 'target port: 80', 'the port is 80', 'PORT 080']) {
      assert.deepEqual(readNumber(text), { ok: true, value: 80 }, text);
    }
    assert.equal(answer(typedRange, 'nodePort 31231').correct, true);
    assert.equal(answer(typedRange, 'node port: 30000').correct, true);
    assert.match(answer(typedRange, 'nodePort 29999').feedback[0]!, /29999 is below 30000/);
  });

  it('still refuses what is not one number', () => {
    for (const text of ['eighty', 'port eighty', '80 or 81', 'portal 80', 'pod 80']) assert.equal(readNumber(text).ok, false, text);
  });

  it('takes a label with spaces around its sign and a full stop after it', () => {
    const label: Question = {
      id: 'label',
      kind: 'typed',
      concepts: ['selectors-endpoints'],
      prompt: 'Type the label.',
      answer: { rule: 'text', accept: ['run=web', 'run: web'] },
    };
    for (const text of ['run = web', 'RUN=web', 'run :web', 'run=web.', '`run: web`']) assert.equal(answer(label, text).correct, true, text);
    for (const text of ['app=web', 'run=web2', 'run web']) assert.equal(answer(label, text).correct, false, text);
  });
});

describe('typed: url, any worker will do', () => {
  const anyWorker: Question = {
    ...typedUrl,
    id: 'any-worker',
    answer: { ...(typedUrl.answer as Extract<Question, { kind: 'typed' }>['answer'] & { rule: 'url' }), alsoHosts: ['{{otherNodeIP}}'] },
  };
  const withOther = { ...learnerFacts, otherNodeIP: '203.0.113.11' };

  it("takes another worker's external IP with the node port, and still not the pod's or the cluster's", () => {
    assert.equal(answer(anyWorker, `http://203.0.113.11:${f.nodePort}`, withOther).correct, true);
    assert.equal(answer(anyWorker, `${f.nodeIP}:${f.nodePort}`, withOther).correct, true);
    assert.equal(answer(anyWorker, `http://203.0.113.11:${f.servicePort}`, withOther).correct, false, 'the node port, not the service port');
    assert.match(answer(anyWorker, `http://${f.podIP}:${f.nodePort}`, withOther).feedback[0]!, /POD-IP/);
  });

  it('a cluster with one worker has no other host: the question is still asked, with one right host', () => {
    const g = answer(anyWorker, `http://203.0.113.11:${f.nodePort}`, learnerFacts);
    assert.equal(g.correct, false);
    assert.doesNotMatch(g.feedback.join('\n'), /\{\{/);
    assert.equal(answer(anyWorker, `http://${f.nodeIP}:${f.nodePort}`, learnerFacts).correct, true);
  });
});
