// kubectl api-resources: the resource types a kubeadm cluster of Kubernetes 1.32 serves, as
// discovery lists them (core group first, then the groups by name). The simulator answers get
// for pods, services, endpoints, endpointslices, nodes, namespaces, events, deployments and
// replicasets; the others list as empty.

import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { fail } from './command.js';
import { clientError } from './errors.js';
import { flagBool, flagValue } from './flags.js';
import { formatTable } from './tabwriter.js';

type Row = readonly [name: string, shortNames: string, apiVersion: string, namespaced: boolean, kind: string, verbs: string];

const RW = 'create,delete,deletecollection,get,list,patch,update,watch';

/** 1.32's built-in resources (NAME, SHORTNAMES, APIVERSION, NAMESPACED, KIND, VERBS). */
export const API_RESOURCES: readonly Row[] = [
  ['bindings', '', 'v1', true, 'Binding', 'create'],
  ['componentstatuses', 'cs', 'v1', false, 'ComponentStatus', 'get,list'],
  ['configmaps', 'cm', 'v1', true, 'ConfigMap', RW],
  ['endpoints', 'ep', 'v1', true, 'Endpoints', RW],
  ['events', 'ev', 'v1', true, 'Event', RW],
  ['limitranges', 'limits', 'v1', true, 'LimitRange', RW],
  ['namespaces', 'ns', 'v1', false, 'Namespace', 'create,delete,get,list,patch,update,watch'],
  ['nodes', 'no', 'v1', false, 'Node', RW],
  ['persistentvolumeclaims', 'pvc', 'v1', true, 'PersistentVolumeClaim', RW],
  ['persistentvolumes', 'pv', 'v1', false, 'PersistentVolume', RW],
  ['pods', 'po', 'v1', true, 'Pod', RW],
  ['podtemplates', '', 'v1', true, 'PodTemplate', RW],
  ['replicationcontrollers', 'rc', 'v1', true, 'ReplicationController', RW],
  ['resourcequotas', 'quota', 'v1', true, 'ResourceQuota', RW],
  ['secrets', '', 'v1', true, 'Secret', RW],
  ['serviceaccounts', 'sa', 'v1', true, 'ServiceAccount', RW],
  ['services', 'svc', 'v1', true, 'Service', 'create,delete,deletecollection,get,list,patch,update,watch'],
  ['mutatingwebhookconfigurations', '', 'admissionregistration.k8s.io/v1', false, 'MutatingWebhookConfiguration', RW],
  ['validatingadmissionpolicies', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicy', RW],
  ['validatingadmissionpolicybindings', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingAdmissionPolicyBinding', RW],
  ['validatingwebhookconfigurations', '', 'admissionregistration.k8s.io/v1', false, 'ValidatingWebhookConfiguration', RW],
  ['customresourcedefinitions', 'crd,crds', 'apiextensions.k8s.io/v1', false, 'CustomResourceDefinition', RW],
  ['apiservices', '', 'apiregistration.k8s.io/v1', false, 'APIService', RW],
  ['controllerrevisions', '', 'apps/v1', true, 'ControllerRevision', RW],
  ['daemonsets', 'ds', 'apps/v1', true, 'DaemonSet', RW],
  ['deployments', 'deploy', 'apps/v1', true, 'Deployment', RW],
  ['replicasets', 'rs', 'apps/v1', true, 'ReplicaSet', RW],
  ['statefulsets', 'sts', 'apps/v1', true, 'StatefulSet', RW],
  ['selfsubjectreviews', '', 'authentication.k8s.io/v1', false, 'SelfSubjectReview', 'create'],
  ['tokenreviews', '', 'authentication.k8s.io/v1', false, 'TokenReview', 'create'],
  ['localsubjectaccessreviews', '', 'authorization.k8s.io/v1', true, 'LocalSubjectAccessReview', 'create'],
  ['selfsubjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectAccessReview', 'create'],
  ['selfsubjectrulesreviews', '', 'authorization.k8s.io/v1', false, 'SelfSubjectRulesReview', 'create'],
  ['subjectaccessreviews', '', 'authorization.k8s.io/v1', false, 'SubjectAccessReview', 'create'],
  ['horizontalpodautoscalers', 'hpa', 'autoscaling/v2', true, 'HorizontalPodAutoscaler', RW],
  ['cronjobs', 'cj', 'batch/v1', true, 'CronJob', RW],
  ['jobs', '', 'batch/v1', true, 'Job', RW],
  ['certificatesigningrequests', 'csr', 'certificates.k8s.io/v1', false, 'CertificateSigningRequest', RW],
  ['leases', '', 'coordination.k8s.io/v1', true, 'Lease', RW],
  ['endpointslices', '', 'discovery.k8s.io/v1', true, 'EndpointSlice', RW],
  ['events', 'ev', 'events.k8s.io/v1', true, 'Event', RW],
  ['flowschemas', '', 'flowcontrol.apiserver.k8s.io/v1', false, 'FlowSchema', RW],
  ['prioritylevelconfigurations', '', 'flowcontrol.apiserver.k8s.io/v1', false, 'PriorityLevelConfiguration', RW],
  ['ingressclasses', '', 'networking.k8s.io/v1', false, 'IngressClass', RW],
  ['ingresses', 'ing', 'networking.k8s.io/v1', true, 'Ingress', RW],
  ['networkpolicies', 'netpol', 'networking.k8s.io/v1', true, 'NetworkPolicy', RW],
  ['runtimeclasses', '', 'node.k8s.io/v1', false, 'RuntimeClass', RW],
  ['poddisruptionbudgets', 'pdb', 'policy/v1', true, 'PodDisruptionBudget', RW],
  ['clusterrolebindings', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRoleBinding', RW],
  ['clusterroles', '', 'rbac.authorization.k8s.io/v1', false, 'ClusterRole', RW],
  ['rolebindings', '', 'rbac.authorization.k8s.io/v1', true, 'RoleBinding', RW],
  ['roles', '', 'rbac.authorization.k8s.io/v1', true, 'Role', RW],
  ['priorityclasses', 'pc', 'scheduling.k8s.io/v1', false, 'PriorityClass', RW],
  ['csidrivers', '', 'storage.k8s.io/v1', false, 'CSIDriver', RW],
  ['csinodes', '', 'storage.k8s.io/v1', false, 'CSINode', RW],
  ['csistoragecapacities', '', 'storage.k8s.io/v1', true, 'CSIStorageCapacity', RW],
  ['storageclasses', 'sc', 'storage.k8s.io/v1', false, 'StorageClass', RW],
  ['volumeattachments', '', 'storage.k8s.io/v1', false, 'VolumeAttachment', RW],
];

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const output = flagValue(parsed, 'output');
  if (output !== undefined && output !== 'wide' && output !== 'name') {
    return fail(cluster, clientError(`--output ${output} is not available`));
  }
  const namespacedFlag = flagValue(parsed, 'namespaced');
  const group = flagValue(parsed, 'api-group');
  const rows = API_RESOURCES.filter((r) => {
    if (namespacedFlag !== undefined && String(r[3]) !== namespacedFlag) return false;
    if (group !== undefined) {
      const g = r[2].includes('/') ? r[2].slice(0, r[2].indexOf('/')) : '';
      if (g !== group) return false;
    }
    return true;
  });
  if (output === 'name') {
    const names = rows.map((r) => (r[2].includes('/') ? `${r[0]}.${r[2].slice(0, r[2].indexOf('/'))}` : r[0]));
    return { cluster, stdout: names.map((n) => `${n}\n`).join(''), stderr: '', exitCode: 0 };
  }
  const wide = output === 'wide';
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  const table = flagBool(parsed, 'no-headers') ? [] : [header];
  for (const r of rows) {
    const categories =
      [
        'pods',
        'services',
        'deployments',
        'replicasets',
        'daemonsets',
        'statefulsets',
        'jobs',
        'cronjobs',
        'replicationcontrollers',
        'horizontalpodautoscalers',
      ].includes(r[0]) && r[2] !== 'events.k8s.io/v1'
        ? 'all'
        : '';
    table.push([r[0], r[1], r[2], String(r[3]), r[4], ...(wide ? [`[${r[5].split(',').join(' ')}]`, categories] : [])]);
  }
  return { cluster, stdout: formatTable(table), stderr: '', exitCode: 0 };
}

export const apiResourcesCommand: CommandDef = {
  name: 'api-resources',
  flags: [
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'namespaced', kind: 'string', noOptDefVal: 'true' },
    { name: 'api-group', kind: 'string' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'sort-by', kind: 'string' },
    { name: 'verbs', kind: 'strings' },
    { name: 'cached', kind: 'bool' },
    { name: 'categories', kind: 'strings' },
  ],
  help: 'Print the supported API resources on the server.\n\nExamples:\n  # Print the supported API resources\n  kubectl api-resources\n\nUsage:\n  kubectl api-resources [flags] [options]\n',
  run,
};
