// What a newcomer typed in the practice steps of lessons 3 to 5, as found walking them at 80x24:
// correct commands that the goals rejected, and near-miss lines that were wrong or said nothing.
// Each is taken from the state a learner who did the earlier steps arrives in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { takeStep } from '../../helpers/practice-step.js';

const take = (lessonId: string, stepId: string, lines: readonly string[], seed = 5) => takeStep(lessonId, stepId, lines, seed);

describe('a command about several types, or all, is about each of them', () => {
  it('kubectl get pods,svc -o wide and kubectl get all -o wide list the pods wide', () => {
    for (const line of ['kubectl get pods,svc -o wide', 'kubectl get all -o wide', 'k get svc,po -owide']) {
      const r = take('03', 'run-the-pod', ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0', line]);
      assert.equal(r.all, true, line);
    }
  });

  it('kubectl get all and get svc,pods list the services', () => {
    for (const line of ['kubectl get all', 'kubectl get svc,pods', 'kubectl get all -n default']) {
      const r = take('04', 'find-the-node-port', [line, 'kubectl describe svc my-first-service']);
      assert.equal(r.all, true, line);
    }
  });

  it('a list that leaves the type out is still not about it', () => {
    const r = take('04', 'find-the-node-port', ['kubectl get pods,ep', 'kubectl describe svc my-first-service']);
    assert.equal(r.all, false);
    assert.equal(r.met[0], false);
  });
});

describe('a file is the same file however its path is written', () => {
  it('apply -f ./pod-definition.yml meets the goal and draws no near-miss line', () => {
    const r = take('05', 'apply-the-service', ['kubectl apply -f ./pod-definition.yml']);
    assert.equal(r.miss, null, 'the pod’s file, as a solution applies it');
    const done = take('05', 'apply-the-service', ['kubectl apply -f ./pod-definition.yml', 'kubectl apply -f ./pod-nodeport-service.yml', 'kubectl get pods']);
    assert.equal(done.all, true);
  });

  it('one apply with both files, as -f twice or a comma list, is told nothing wrong', () => {
    for (const line of ['kubectl apply -f pod-definition.yml -f pod-nodeport-service.yml', 'kubectl apply -f pod-definition.yml,pod-nodeport-service.yml']) {
      const r = take('05', 'apply-the-service', [line]);
      assert.equal(r.miss, null, line);
      assert.equal(take('05', 'apply-the-service', [line, 'kubectl get pods']).all, true, line);
    }
  });

  it('another file is still named as the difference', () => {
    const r = take('03', 'apply-the-pod', ['kubectl apply -f pod-definition.yaml']);
    assert.equal(r.miss, 'kubectl refused that: --filename is pod-definition.yaml, not pod-definition.yml');
  });

  it('a misspelt file is named against the file it is nearest, not the step’s first', () => {
    // The pod's file applied, the Service's misspelt: the line names the Service's file, which the
    // learner meant, not pod-definition.yml, which is done.
    const r = take('05', 'apply-the-service', ['kubectl create -f pod-definition.yml', 'kubectl apply -f pod-nodeport-service.yaml']);
    assert.equal(r.miss, 'kubectl refused that: --filename is pod-nodeport-service.yaml, not pod-nodeport-service.yml');
  });
});

describe('a goal that took a broken Service', () => {
  it('curl https:// to the node port, answered with an OpenSSL error and no page, does not reach the app', () => {
    // nginx speaks plain HTTP on 80: curl's handshake reads that as "wrong version number" (exit 35).
    const r = take('05', 'open-the-page', ['curl https://203.0.113.11:31231']);
    assert.match(r.practice.entries['open-the-page']?.[0]?.output ?? '', /^curl: \(35\) .*wrong version number/);
    assert.equal(r.all, false);
    assert.equal(r.miss, 'that request used https://, and the app answers plain HTTP on its node port: use http://');
    assert.equal(take('05', 'open-the-page', ['curl https://203.0.113.11:31231', 'curl http://203.0.113.11:31231']).all, true);
  });

  it('expose with --target-port=8080, where nginx is not, does not reach the goal, and says why', () => {
    const r = take('04', 'expose-the-pod', ['kubectl expose pod my-first-pod --type=NodePort --port=80 --target-port=8080 --name=my-first-service']);
    assert.equal(r.all, false);
    assert.equal(r.miss, 'that made a NodePort service: targetPort is 8080, not 80');
    assert.equal(
      take('04', 'expose-the-pod', ['kubectl expose pod my-first-pod --type=NodePort --port=80 --target-port=80 --name=my-first-service']).all,
      true,
    );
  });
});

describe('near misses that said nothing, or too little', () => {
  it('a look at a pod still ContainerCreating says to look again, as the goal waits for Running', () => {
    // Typed at once: the clock moves only as commands run, so the pod is still starting.
    const looked = takeStep('03', 'run-the-pod', ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0', 'kubectl get pods -o wide'], 5, 100);
    assert.deepEqual(looked.met, [false, true]);
    assert.equal(looked.miss, 'my-first-pod is still ContainerCreating: run kubectl get pods again in a few seconds, until it is Running');
    const made = takeStep('03', 'run-the-pod', ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0'], 5, 100);
    assert.equal(made.miss, null, 'the command that made the pod is told nothing: it was right');
    const later = takeStep(
      '03',
      'run-the-pod',
      ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0', 'kubectl get pods -o wide', 'kubectl get pods'],
      5,
      5000,
    );
    assert.equal(later.all, true);
    assert.equal(later.miss, null);
  });

  it('relabelling myapp-pod for typo-service says what it undid: the other Service lost its endpoint', () => {
    const r = take('06', 'typo-fix', ['kubectl label pod myapp-pod app=my-app --overwrite']);
    assert.deepEqual(r.met, [true, false, false]);
    assert.equal(r.miss, 'that undid a part of the goal that held: myapp-pod-nodeport-service still has myapp-pod as its endpoint');
    const mended = take('06', 'typo-fix', [
      'kubectl label pod myapp-pod app=my-app --overwrite',
      'kubectl label pod myapp-pod app=myapp --overwrite',
      'kubectl patch svc typo-service -p \'{"spec":{"selector":{"app":"myapp"}}}\'',
    ]);
    assert.equal(mended.miss, null);
  });

  it('describe of a misspelt Service names the name, not a -n default that changes nothing', () => {
    // A solution describes every Service with -n default; without -n kubectl is in default anyway.
    const r = take('04', 'find-the-node-port', ['kubectl get svc', 'kubectl describe svc my-first-svc']);
    assert.equal(r.all, false);
    assert.equal(r.miss, 'the API refused that: the name is my-first-svc, not my-first-service');
  });

  it('curl to the Service’s name from the laptop says the name is known only inside the cluster', () => {
    // curl answers `Could not resolve host`: cluster DNS serves pods, not the learner's machine.
    for (const line of [
      'curl http://myapp-pod-nodeport-service:31231',
      'curl myapp-pod-nodeport-service',
      'curl -s http://myapp-pod-nodeport-service.default.svc.cluster.local/',
      // An option's value is not the host: the words are read as curl reads them.
      'curl -m 5 myapp-pod-nodeport-service',
      'curl -H "Host: x" http://myapp-pod-nodeport-service:31231/',
    ]) {
      const r = take('05', 'open-the-page', [line]);
      assert.equal(r.all, false, line);
      assert.equal(
        r.miss,
        "that request reached no Service: the name myapp-pod-nodeport-service is known only inside the cluster; use a node's EXTERNAL-IP with port 31231",
        line,
      );
    }
    assert.equal(take('05', 'open-the-page', ['curl http://no-such-name:31231']).miss, null, 'a name that is no Service is left to curl’s own words');
  });

  it('a NodePort service of the right name that selects no pod says so, with its selector', () => {
    const r = take('04', 'expose-the-pod', ['kubectl create service nodeport my-first-service --tcp=80:80']);
    assert.equal(r.all, false);
    assert.equal(r.miss, 'that made a NodePort service: its selector app=my-first-service does not select my-first-pod');
  });

  it('a request that reached no Service names the node port the goal’s Service answers on', () => {
    const r = take('05', 'open-the-page', ['curl http://{{node.worker-1.internalIP}}:31231']);
    assert.equal(r.all, false);
    assert.equal(r.miss, 'that request reached no Service: port 31231 is right, but this machine does not reach 192.168.49.3');
    const cluster = take('04', 'open-the-page', ['curl http://{{nodeIP}}:80']);
    const nodePort = cluster.practice.shell.cluster.services.find((s) => s.metadata.name === 'my-first-service')?.spec.ports[0]?.nodePort;
    assert.equal(cluster.miss, `that request reached no Service; my-first-service answers on node port ${nodePort}`);
  });
});

describe('the right command after a wrong one that took the name', () => {
  it('expose again with --type=NodePort is refused as AlreadyExists, and told how to go on', () => {
    const r = take('04', 'expose-the-pod', [
      'kubectl expose pod my-first-pod --port=80 --name=my-first-service',
      'kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service',
    ]);
    assert.equal(r.all, false);
    assert.equal(r.miss, 'service my-first-service is already there: kubectl delete service my-first-service, then run this again');
    const after = take('04', 'expose-the-pod', [
      'kubectl expose pod my-first-pod --port=80 --name=my-first-service',
      'kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service',
      'kubectl delete service my-first-service',
      'kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service',
    ]);
    assert.equal(after.all, true, 'the way the line names works');
  });

  it('run again with the right image after a wrong one says the same for the pod', () => {
    const r = take('03', 'run-the-pod', ['kubectl run my-first-pod --image nginx', 'kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0']);
    assert.equal(r.miss, 'pod my-first-pod is already there: kubectl delete pod my-first-pod, then run this again');
  });
});

describe('a missing flag is named as the lesson wrote it', () => {
  it('kubectl get pods where the step shows -o wide: "-o wide is missing", not its long form', () => {
    const r = take('03', 'run-the-pod', ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0', 'kubectl get pods']);
    assert.equal(r.miss, 'close: -o wide is missing');
  });

  it('a flag with no short name keeps its long one', () => {
    const r = take('04', 'expose-the-pod', ['kubectl expose pod my-first-pod --port=80 --name=my-first-service']);
    assert.equal(r.miss, 'that made a ClusterIP service: --type=NodePort is missing');
  });
});

describe('an image is the image the runtime pulls, however its reference is written', () => {
  it('docker.io/stacksimplify/kubenginx:1.0.0 is the lecture’s image', () => {
    for (const image of ['docker.io/stacksimplify/kubenginx:1.0.0', 'index.docker.io/stacksimplify/kubenginx:1.0.0']) {
      const r = take('03', 'run-the-pod', [`kubectl run my-first-pod --image=${image}`, 'kubectl get pods -o wide']);
      assert.equal(r.all, true, image);
    }
  });

  it('another tag, or none (latest), is another image', () => {
    for (const image of ['stacksimplify/kubenginx:2.0.0', 'stacksimplify/kubenginx', 'docker.io/other/kubenginx:1.0.0']) {
      const r = take('03', 'run-the-pod', [`kubectl run my-first-pod --image=${image}`, 'kubectl get pods -o wide']);
      assert.equal(r.met[0], false, image);
    }
  });
});

describe('the image, in a near miss', () => {
  it('kubectl run with docker.io/ before the lecture’s image draws no line while the pod starts', () => {
    const r = take('03', 'run-the-pod', ['kubectl run my-first-pod --image=docker.io/stacksimplify/kubenginx:1.0.0']);
    assert.equal(r.miss, null);
  });
});

describe('the right command as a dry run', () => {
  it('says that nothing changed, in whatever dry-run spelling', () => {
    for (const flag of ['--dry-run=client', '--dry-run=server -o yaml', '--dry-run']) {
      const r = take('04', 'expose-the-pod', [`kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service ${flag}`]);
      assert.equal(r.all, false, flag);
      assert.equal(r.miss, 'that was a dry run: nothing changed; run it again without --dry-run', flag);
    }
  });

  it('--dry-run=none is no dry run', () => {
    const r = take('04', 'expose-the-pod', ['kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service --dry-run=none']);
    assert.equal(r.all, true);
  });
});

describe('a pod made with the wrong image is named until it is made again', () => {
  const wrong = 'pod my-first-pod runs stacksimplify/kubenginx:1.0, not stacksimplify/kubenginx:1.0.0: kubectl delete pod my-first-pod, then make it again';

  it('the next read, with or without -o wide, keeps saying the image is wrong', () => {
    for (const read of ['kubectl get pods', 'kubectl get pods -o wide', 'k describe po my-first-pod']) {
      const r = take('03', 'run-the-pod', ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0', read]);
      assert.equal(r.miss, wrong, read);
    }
  });

  it('the command that made it keeps its own line, and so does running it again', () => {
    assert.equal(
      take('03', 'run-the-pod', ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0']).miss,
      'that made pod my-first-pod: --image is stacksimplify/kubenginx:1.0, not stacksimplify/kubenginx:1.0.0',
    );
    const again = take('03', 'run-the-pod', [
      'kubectl run my-first-pod --image stacksimplify/kubenginx:1.0',
      'kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0',
    ]);
    assert.equal(again.miss, 'pod my-first-pod is already there: kubectl delete pod my-first-pod, then run this again');
  });

  it('gone once the pod is deleted, and a pod made again right meets the goal', () => {
    const lines = ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0', 'kubectl get pods', 'kubectl delete pod my-first-pod'];
    assert.equal(take('03', 'run-the-pod', lines).miss, null);
    const done = take('03', 'run-the-pod', [...lines, 'kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0', 'kubectl get pods -o wide']);
    assert.equal(done.all, true);
  });

  it('a right pod still waiting to run draws no such line', () => {
    const r = take('03', 'run-the-pod', ['kubectl run my-first-pod --image stacksimplify/kubenginx:1.0.0', 'kubectl get pods']);
    assert.equal(r.miss, 'close: -o wide is missing');
  });
});

describe('a refusal the step is about, under any name', () => {
  it('create service nodeport with no --tcp meets the goal whatever the Service is called', () => {
    for (const line of ['kubectl create service nodeport test', 'k create svc nodeport no-port', 'kubectl create service nodeport web']) {
      const r = take('06', 'missing-port', [line]);
      assert.equal(r.met[0], true, line);
      assert.equal(r.miss, null, line);
    }
  });

  it('expose with no --port meets it with or without --type and --name', () => {
    for (const line of ['kubectl expose pod my-first-pod', 'kubectl expose pod my-first-pod --type=NodePort', 'k expose po/my-first-pod --name test']) {
      const r = take('06', 'missing-port', ['kubectl create service nodeport test', line]);
      assert.equal(r.all, true, line);
    }
  });

  it('another refusal by kubectl is not this one', () => {
    const r = take('06', 'missing-port', ['kubectl create service nodeport']);
    assert.equal(r.met[0], false);
    const wrong = take('06', 'missing-port', ['kubectl create service nodeport x', 'kubectl expose pod my-first-pod --port=80 --type=NodePort']);
    assert.equal(wrong.met[1], false, 'accepted, so not refused');
  });
});

describe('a request to this machine', () => {
  it('curl localhost or 127.0.0.1 at the right node port is told the address is not a node', () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const r = take('05', 'open-the-page', [`curl http://${host}:31231`]);
      assert.equal(r.miss, `that request reached no Service: ${host} is this machine, not a node; use a node's EXTERNAL-IP with port 31231`, host);
    }
  });
});

describe('every read that shows the endpoints', () => {
  it('kubectl describe endpoints and describe endpointslices show each Service’s endpoints too', () => {
    for (const line of ['kubectl describe endpoints', 'kubectl describe ep no-endpoints', 'kubectl describe endpointslices']) {
      const r = take('09', 'look-around', ['kubectl get svc', line]);
      assert.equal(r.all, true, line);
    }
  });
});

describe('every read that shows the nodes’ addresses', () => {
  it('kubectl get nodes -o json shows them as -o yaml does', () => {
    for (const line of ['kubectl get nodes -o json', 'k get no -ojson']) assert.equal(take('03', 'find-the-nodes', [line]).all, true, line);
    assert.equal(take('03', 'find-the-nodes', ['kubectl get nodes']).all, false, 'plain get nodes leaves the addresses out');
  });
});
