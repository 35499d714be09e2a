// Service API semantics, each from the source named in its test.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Session } from './helpers.js';

const NODE_PORT =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  selector:\n    app: a\n  ports:\n  - port: 80\n    nodePort: 31231\n';

describe('service API semantics', () => {
  it('applying a NodePort manifest as type ClusterIP with nodePort still in it clears the node port (pkg/registry/core/service/strategy.go dropTypeDependentFields)', () => {
    const s = new Session(1, {
      'np.yaml': NODE_PORT,
      'cip.yaml': NODE_PORT.replace('NodePort', 'ClusterIP'),
      'other.yaml': NODE_PORT.replace('NodePort', 'ClusterIP').replace('31231', '31999'),
    });
    assert.equal(s.run('apply -f np.yaml').stdout, 'service/s created\n');
    const changed = s.run('apply -f other.yaml');
    assert.equal(
      changed.stderr,
      'The Service "s" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'\n',
      'a different node port is still refused',
    );
    assert.equal(s.run('apply -f cip.yaml').stdout, 'service/s configured\n');
    assert.equal(s.run(`get svc s -o jsonpath='{.spec.type} {.spec.ports[0].nodePort}'`).stdout, 'ClusterIP ');
  });

  it('creating a ClusterIP service with a nodePort is refused (pkg/apis/core/validation ValidateService)', () => {
    const s = new Session(1, { 'cip.yaml': NODE_PORT.replace('NodePort', 'ClusterIP') });
    assert.match(s.run('apply -f cip.yaml').stderr, /nodePort: Forbidden: may not be used when `type` is 'ClusterIP'/);
  });

  it('a LoadBalancer on port 10250 and a headless NodePort are invalid (ValidateService, ports.KubeletPort)', () => {
    const s = new Session(1, {
      'lb.yaml': NODE_PORT.replace('NodePort', 'LoadBalancer').replace('port: 80', 'port: 10250'),
      'headless.yaml': NODE_PORT.replace('spec:\n', 'spec:\n  clusterIP: None\n'),
    });
    assert.equal(
      s.run('apply -f lb.yaml').stderr,
      'The Service "s" is invalid: spec.ports[0]: Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet\n',
    );
    assert.equal(
      s.run('apply -f headless.yaml').stderr,
      'The Service "s" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services\n',
    );
  });

  // create service wraps the API's Status (create_service.go: `failed to create %s service: %v`).
  it("cluster IP errors: the allocator's spec.clusterIPs with the list, validation's spec.clusterIPs[0] (pkg/registry/core/service/ipallocator, validation.go)", () => {
    const s = new Session(1);
    assert.equal(
      s.run('create service clusterip x --tcp=80 --clusterip=10.96.0.1').stderr,
      'error: failed to create ClusterIP service: Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated\n',
    );
    assert.equal(
      s.run('create service clusterip z --tcp=80 --clusterip=abc').stderr,
      'error: failed to create ClusterIP service: Service "z" is invalid: spec.clusterIPs[0]: Invalid value: "abc": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n',
    );
  });

  it('externalIPs must be addresses (validation.go ValidateNonSpecialIP)', () => {
    const s = new Session(1);
    s.run('run web --image=nginx');
    assert.equal(
      s.run('expose pod web --port=80 --external-ip=nope').stderr,
      'The Service "web" is invalid: spec.externalIPs[0]: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)\n',
    );
  });
});
