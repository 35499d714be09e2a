// The OpenAPI v3 schemas `kubectl explain` reads, as a Kubernetes 1.32 API server serves them
// (components.schemas of /openapi/v3/api/v1 and /openapi/v3/apis/apps/v1): each description is the
// field's documentation from k8s.io/api v0.32 (types_swagger_doc_generated.go) with the enum values
// kube-openapi appends for an `+enum` type ("Possible enum values:", each constant's comment), and
// `enum` lists those values. Kept: the kinds a learner explains (Pod, Service, Deployment,
// ReplicaSet, Node, Endpoints, Namespace, Event), what they refer to within two steps, and every
// schema that is not an object (Time, Quantity, IntOrString), whose name or type explain prints.
// A reference to a schema left out still prints that schema's name, as explain prints it.
// Only what explain reads is kept: no defaults, formats or x-kubernetes-* list and patch markers.

import type { Schemas } from './explain-render.js';

export const OPENAPI_SCHEMAS: Schemas = {
  'io.k8s.api.apps.v1.Deployment': {
    description: 'Deployment enables declarative updates for Pods and ReplicaSets.',
    properties: {
      apiVersion: {
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        type: 'string',
      },
      kind: {
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      spec: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec',
          },
        ],
        description: 'Specification of the desired behavior of the Deployment.',
      },
      status: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentStatus',
          },
        ],
        description: 'Most recently observed status of the Deployment.',
      },
    },
    type: 'object',
    'x-kubernetes-group-version-kind': [
      {
        group: 'apps',
        kind: 'Deployment',
        version: 'v1',
      },
    ],
  },
  'io.k8s.api.apps.v1.DeploymentCondition': {
    description: 'DeploymentCondition describes the state of a deployment at a certain point.',
    properties: {
      lastTransitionTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'Last time the condition transitioned from one status to another.',
      },
      lastUpdateTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'The last time this condition was updated.',
      },
      message: {
        description: 'A human readable message indicating details about the transition.',
        type: 'string',
      },
      reason: {
        description: "The reason for the condition's last transition.",
        type: 'string',
      },
      status: {
        description: 'Status of the condition, one of True, False, Unknown.',
        type: 'string',
      },
      type: {
        description: 'Type of deployment condition.',
        type: 'string',
      },
    },
    required: ['type', 'status'],
    type: 'object',
  },
  'io.k8s.api.apps.v1.DeploymentSpec': {
    description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    properties: {
      minReadySeconds: {
        description:
          'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)',
        type: 'integer',
      },
      paused: {
        description: 'Indicates that the deployment is paused.',
        type: 'boolean',
      },
      progressDeadlineSeconds: {
        description:
          'The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s.',
        type: 'integer',
      },
      replicas: {
        description: 'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
        type: 'integer',
      },
      revisionHistoryLimit: {
        description:
          'The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10.',
        type: 'integer',
      },
      selector: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
          },
        ],
        description:
          "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
      },
      strategy: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy',
          },
        ],
        description: 'The deployment strategy to use to replace existing pods with new ones.',
      },
      template: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec',
          },
        ],
        description: 'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".',
      },
    },
    required: ['selector', 'template'],
    type: 'object',
  },
  'io.k8s.api.apps.v1.DeploymentStatus': {
    description: 'DeploymentStatus is the most recently observed status of the Deployment.',
    properties: {
      availableReplicas: {
        description: 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
        type: 'integer',
      },
      collisionCount: {
        description:
          'Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet.',
        type: 'integer',
      },
      conditions: {
        description: "Represents the latest available observations of a deployment's current state.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentCondition',
            },
          ],
        },
        type: 'array',
      },
      observedGeneration: {
        description: 'The generation observed by the deployment controller.',
        type: 'integer',
      },
      readyReplicas: {
        description: 'readyReplicas is the number of pods targeted by this Deployment with a Ready Condition.',
        type: 'integer',
      },
      replicas: {
        description: 'Total number of non-terminated pods targeted by this deployment (their labels match the selector).',
        type: 'integer',
      },
      unavailableReplicas: {
        description:
          'Total number of unavailable pods targeted by this deployment. This is the total number of pods that are still required for the deployment to have 100% available capacity. They may either be pods that are running but not yet available or pods that still have not been created.',
        type: 'integer',
      },
      updatedReplicas: {
        description: 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
        type: 'integer',
      },
    },
    type: 'object',
  },
  'io.k8s.api.apps.v1.DeploymentStrategy': {
    description: 'DeploymentStrategy describes how to replace existing pods with new ones.',
    properties: {
      rollingUpdate: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.apps.v1.RollingUpdateDeployment',
          },
        ],
        description: 'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.',
      },
      type: {
        description:
          'Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.\n\nPossible enum values:\n - `"Recreate"` Kill all existing pods before creating new ones.\n - `"RollingUpdate"` Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one.',
        enum: ['Recreate', 'RollingUpdate'],
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.apps.v1.ReplicaSet': {
    description: 'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
    properties: {
      apiVersion: {
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        type: 'string',
      },
      kind: {
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description:
          "If the Labels of a ReplicaSet are empty, they are defaulted to be the same as the Pod(s) that the ReplicaSet manages. Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      spec: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.apps.v1.ReplicaSetSpec',
          },
        ],
        description:
          'Spec defines the specification of the desired behavior of the ReplicaSet. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
      status: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.apps.v1.ReplicaSetStatus',
          },
        ],
        description:
          'Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
    },
    type: 'object',
    'x-kubernetes-group-version-kind': [
      {
        group: 'apps',
        kind: 'ReplicaSet',
        version: 'v1',
      },
    ],
  },
  'io.k8s.api.apps.v1.ReplicaSetCondition': {
    description: 'ReplicaSetCondition describes the state of a replica set at a certain point.',
    properties: {
      lastTransitionTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'The last time the condition transitioned from one status to another.',
      },
      message: {
        description: 'A human readable message indicating details about the transition.',
        type: 'string',
      },
      reason: {
        description: "The reason for the condition's last transition.",
        type: 'string',
      },
      status: {
        description: 'Status of the condition, one of True, False, Unknown.',
        type: 'string',
      },
      type: {
        description: 'Type of replica set condition.',
        type: 'string',
      },
    },
    required: ['type', 'status'],
    type: 'object',
  },
  'io.k8s.api.apps.v1.ReplicaSetSpec': {
    description: 'ReplicaSetSpec is the specification of a ReplicaSet.',
    properties: {
      minReadySeconds: {
        description:
          'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)',
        type: 'integer',
      },
      replicas: {
        description:
          'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller',
        type: 'integer',
      },
      selector: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
          },
        ],
        description:
          "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
      },
      template: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec',
          },
        ],
        description:
          'Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template',
      },
    },
    required: ['selector'],
    type: 'object',
  },
  'io.k8s.api.apps.v1.ReplicaSetStatus': {
    description: 'ReplicaSetStatus represents the current status of a ReplicaSet.',
    properties: {
      availableReplicas: {
        description: 'The number of available replicas (ready for at least minReadySeconds) for this replica set.',
        type: 'integer',
      },
      conditions: {
        description: "Represents the latest available observations of a replica set's current state.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.apps.v1.ReplicaSetCondition',
            },
          ],
        },
        type: 'array',
      },
      fullyLabeledReplicas: {
        description: 'The number of pods that have labels matching the labels of the pod template of the replicaset.',
        type: 'integer',
      },
      observedGeneration: {
        description: 'ObservedGeneration reflects the generation of the most recently observed ReplicaSet.',
        type: 'integer',
      },
      readyReplicas: {
        description: 'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.',
        type: 'integer',
      },
      replicas: {
        description:
          'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller',
        type: 'integer',
      },
    },
    required: ['replicas'],
    type: 'object',
  },
  'io.k8s.api.core.v1.ClientIPConfig': {
    description: 'ClientIPConfig represents the configurations of Client IP based session affinity.',
    properties: {
      timeoutSeconds: {
        description:
          'timeoutSeconds specifies the seconds of ClientIP type session sticky time. The value must be >0 && <=86400(for 1 day) if ServiceAffinity == "ClientIP". Default value is 10800(for 3 hours).',
        type: 'integer',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.ConfigMapEnvSource': {
    description:
      "ConfigMapEnvSource selects a ConfigMap to populate the environment variables with.\n\nThe contents of the target ConfigMap's Data field will represent the key-value pairs as environment variables.",
    properties: {
      name: {
        description:
          'Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names',
        type: 'string',
      },
      optional: {
        description: 'Specify whether the ConfigMap must be defined',
        type: 'boolean',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.Container': {
    description: 'A single application container that you want to run within a pod.',
    properties: {
      args: {
        description:
          'Arguments to the entrypoint. The container image\'s CMD is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container\'s environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      command: {
        description:
          'Entrypoint array. Not executed within a shell. The container image\'s ENTRYPOINT is used if this is not provided. Variable references $(VAR_NAME) are expanded using the container\'s environment. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      env: {
        description: 'List of environment variables to set in the container. Cannot be updated.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.EnvVar',
            },
          ],
        },
        type: 'array',
      },
      envFrom: {
        description:
          'List of sources to populate environment variables in the container. The keys defined within a source must be a C_IDENTIFIER. All invalid keys will be reported as an event when the container is starting. When a key exists in multiple sources, the value associated with the last source will take precedence. Values defined by an Env with a duplicate key will take precedence. Cannot be updated.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.EnvFromSource',
            },
          ],
        },
        type: 'array',
      },
      image: {
        description:
          'Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.',
        type: 'string',
      },
      imagePullPolicy: {
        description:
          'Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images\n\nPossible enum values:\n - `"Always"` means that kubelet always attempts to pull the latest image. Container will fail If the pull fails.\n - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on disk. Container will fail if the image isn\'t present and the pull fails.\n - `"Never"` means that kubelet never pulls an image, but only uses a local image. Container will fail if the image isn\'t present',
        enum: ['Always', 'IfNotPresent', 'Never'],
        type: 'string',
      },
      lifecycle: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.Lifecycle',
          },
        ],
        description: 'Actions that the management system should take in response to container lifecycle events. Cannot be updated.',
      },
      livenessProbe: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.Probe',
          },
        ],
        description:
          'Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
      },
      name: {
        description: 'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.',
        type: 'string',
      },
      ports: {
        description:
          'List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default "0.0.0.0" address inside a container will be accessible from the network. Modifying this array with strategic merge patch may corrupt the data. For more information See https://github.com/kubernetes/kubernetes/issues/108255. Cannot be updated.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerPort',
            },
          ],
        },
        type: 'array',
      },
      readinessProbe: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.Probe',
          },
        ],
        description:
          'Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes',
      },
      resizePolicy: {
        description: 'Resources resize policy for the container.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerResizePolicy',
            },
          ],
        },
        type: 'array',
      },
      resources: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ResourceRequirements',
          },
        ],
        description:
          'Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      },
      restartPolicy: {
        description:
          'RestartPolicy defines the restart behavior of individual containers in a pod. This field may only be set for init containers, and the only allowed value is "Always". For non-init containers or when this field is not specified, the restart behavior is defined by the Pod\'s restart policy and the container type. Setting the RestartPolicy as "Always" for the init container will have the following effect: this init container will be continually restarted on exit until all regular containers have terminated. Once all regular containers have completed, all init containers with restartPolicy "Always" will be shut down. This lifecycle differs from normal init containers and is often referred to as a "sidecar" container. Although this init container still starts in the init container sequence, it does not wait for the container to complete before proceeding to the next init container. Instead, the next init container starts immediately after this init container is started, or after any startupProbe has successfully completed.',
        type: 'string',
      },
      securityContext: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.SecurityContext',
          },
        ],
        description:
          'SecurityContext defines the security options the container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext. More info: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      },
      startupProbe: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.Probe',
          },
        ],
        description:
          "StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully. If this probe fails, the Pod will be restarted, just as if the livenessProbe failed. This can be used to provide different probe parameters at the beginning of a Pod's lifecycle, when it might take a long time to load data or warm a cache, than during steady-state operation. This cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes",
      },
      stdin: {
        description:
          'Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.',
        type: 'boolean',
      },
      stdinOnce: {
        description:
          'Whether the container runtime should close the stdin channel after it has been opened by a single attach. When stdin is true the stdin stream will remain open across multiple attach sessions. If stdinOnce is set to true, stdin is opened on container start, is empty until the first client attaches to stdin, and then remains open and accepts data until the client disconnects, at which time stdin is closed and remains closed until the container is restarted. If this flag is false, a container processes that reads from stdin will never receive an EOF. Default is false',
        type: 'boolean',
      },
      terminationMessagePath: {
        description:
          "Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Message written is intended to be brief final status, such as an assertion failure message. Will be truncated by the node if greater than 4096 bytes. The total message length across all containers will be limited to 12kb. Defaults to /dev/termination-log. Cannot be updated.",
        type: 'string',
      },
      terminationMessagePolicy: {
        description:
          'Indicate how the termination message should be populated. File will use the contents of terminationMessagePath to populate the container status message on both success and failure. FallbackToLogsOnError will use the last chunk of container log output if the termination message file is empty and the container exited with an error. The log output is limited to 2048 bytes or 80 lines, whichever is smaller. Defaults to File. Cannot be updated.\n\nPossible enum values:\n - `"FallbackToLogsOnError"` will read the most recent contents of the container logs for the container status message when the container exits with an error and the terminationMessagePath has no contents.\n - `"File"` is the default behavior and will set the container status message to the contents of the container\'s terminationMessagePath when the container exits.',
        enum: ['FallbackToLogsOnError', 'File'],
        type: 'string',
      },
      tty: {
        description: "Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false.",
        type: 'boolean',
      },
      volumeDevices: {
        description: 'volumeDevices is the list of block devices to be used by the container.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.VolumeDevice',
            },
          ],
        },
        type: 'array',
      },
      volumeMounts: {
        description: "Pod volumes to mount into the container's filesystem. Cannot be updated.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.VolumeMount',
            },
          ],
        },
        type: 'array',
      },
      workingDir: {
        description:
          "Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated.",
        type: 'string',
      },
    },
    required: ['name'],
    type: 'object',
  },
  'io.k8s.api.core.v1.ContainerImage': {
    description: 'Describe a container image',
    properties: {
      names: {
        description:
          'Names by which this image is known. e.g. ["kubernetes.example/hyperkube:v1.0.7", "cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7"]',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      sizeBytes: {
        description: 'The size of the image in bytes.',
        type: 'integer',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.ContainerPort': {
    description: 'ContainerPort represents a network port in a single container.',
    properties: {
      containerPort: {
        description: "Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.",
        type: 'integer',
      },
      hostIP: {
        description: 'What host IP to bind the external port to.',
        type: 'string',
      },
      hostPort: {
        description:
          'Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.',
        type: 'integer',
      },
      name: {
        description:
          'If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.',
        type: 'string',
      },
      protocol: {
        description:
          'Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.',
        enum: ['SCTP', 'TCP', 'UDP'],
        type: 'string',
      },
    },
    required: ['containerPort'],
    type: 'object',
  },
  'io.k8s.api.core.v1.ContainerResizePolicy': {
    description: 'ContainerResizePolicy represents resource resize policy for the container.',
    properties: {
      resourceName: {
        description: 'Name of the resource to which this resource resize policy applies. Supported values: cpu, memory.',
        type: 'string',
      },
      restartPolicy: {
        description: 'Restart policy to apply when specified resource is resized. If not specified, it defaults to NotRequired.',
        type: 'string',
      },
    },
    required: ['resourceName', 'restartPolicy'],
    type: 'object',
  },
  'io.k8s.api.core.v1.ContainerStatus': {
    description: 'ContainerStatus contains details for the current status of this container.',
    properties: {
      allocatedResources: {
        additionalProperties: {
          $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
        },
        description:
          'AllocatedResources represents the compute resources allocated for this container by the node. Kubelet sets this value to Container.Resources.Requests upon successful pod admission and after successfully admitting desired pod resize.',
        type: 'object',
      },
      allocatedResourcesStatus: {
        description: 'AllocatedResourcesStatus represents the status of various resources allocated for this Pod.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ResourceStatus',
            },
          ],
        },
        type: 'array',
      },
      containerID: {
        description:
          'ContainerID is the ID of the container in the format \'<type>://<container_id>\'. Where type is a container runtime identifier, returned from Version call of CRI API (for example "containerd").',
        type: 'string',
      },
      image: {
        description:
          'Image is the name of container image that the container is running. The container image may not match the image used in the PodSpec, as it may have been resolved by the runtime. More info: https://kubernetes.io/docs/concepts/containers/images.',
        type: 'string',
      },
      imageID: {
        description:
          "ImageID is the image ID of the container's image. The image ID may not match the image ID of the image used in the PodSpec, as it may have been resolved by the runtime.",
        type: 'string',
      },
      lastState: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerState',
          },
        ],
        description:
          'LastTerminationState holds the last termination state of the container to help debug container crashes and restarts. This field is not populated if the container is still running and RestartCount is 0.',
      },
      name: {
        description:
          'Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated.',
        type: 'string',
      },
      ready: {
        description:
          'Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing. If no readiness probes are specified, this field defaults to true once the container is fully started (see Started field).\n\nThe value is typically used to determine whether a container is ready to accept traffic.',
        type: 'boolean',
      },
      resources: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ResourceRequirements',
          },
        ],
        description:
          'Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has been successfully resized.',
      },
      restartCount: {
        description:
          'RestartCount holds the number of times the container has been restarted. Kubelet makes an effort to always increment the value, but there are cases when the state may be lost due to node restarts and then the value may be reset to 0. The value is never negative.',
        type: 'integer',
      },
      started: {
        description:
          'Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe. Initialized as false, becomes true after startupProbe is considered successful. Resets to false when the container is restarted, or if kubelet loses state temporarily. In both cases, startup probes will run again. Is always true when no startupProbe is defined and container is running and has passed the postStart lifecycle hook. The null value must be treated the same as false.',
        type: 'boolean',
      },
      state: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerState',
          },
        ],
        description: "State holds details about the container's current condition.",
      },
      user: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerUser',
          },
        ],
        description: 'User represents user identity information initially attached to the first process of the container',
      },
      volumeMounts: {
        description: 'Status of volume mounts.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.VolumeMountStatus',
            },
          ],
        },
        type: 'array',
      },
    },
    required: ['name', 'ready', 'restartCount', 'image', 'imageID'],
    type: 'object',
  },
  'io.k8s.api.core.v1.EndpointAddress': {
    description: 'EndpointAddress is a tuple that describes single IP address.',
    properties: {
      hostname: {
        description: 'The Hostname of this endpoint',
        type: 'string',
      },
      ip: {
        description:
          'The IP of this endpoint. May not be loopback (127.0.0.0/8 or ::1), link-local (169.254.0.0/16 or fe80::/10), or link-local multicast (224.0.0.0/24 or ff02::/16).',
        type: 'string',
      },
      nodeName: {
        description: 'Optional: Node hosting this endpoint. This can be used to determine endpoints local to a node.',
        type: 'string',
      },
      targetRef: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ObjectReference',
          },
        ],
        description: 'Reference to object providing the endpoint.',
      },
    },
    required: ['ip'],
    type: 'object',
  },
  'io.k8s.api.core.v1.EndpointPort': {
    description: 'EndpointPort is a tuple that describes a single port.',
    properties: {
      appProtocol: {
        description:
          "The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol.",
        type: 'string',
      },
      name: {
        description:
          "The name of this port.  This must match the 'name' field in the corresponding ServicePort. Must be a DNS_LABEL. Optional only if one port is defined.",
        type: 'string',
      },
      port: {
        description: 'The port number of the endpoint.',
        type: 'integer',
      },
      protocol: {
        description:
          'The IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.',
        enum: ['SCTP', 'TCP', 'UDP'],
        type: 'string',
      },
    },
    required: ['port'],
    type: 'object',
  },
  'io.k8s.api.core.v1.EndpointSubset': {
    description:
      'EndpointSubset is a group of addresses with a common set of ports. The expanded set of endpoints is the Cartesian product of Addresses x Ports. For example, given:\n\n\t{\n\t  Addresses: [{"ip": "10.10.1.1"}, {"ip": "10.10.2.2"}],\n\t  Ports:     [{"name": "a", "port": 8675}, {"name": "b", "port": 309}]\n\t}\n\nThe resulting set of endpoints can be viewed as:\n\n\ta: [ 10.10.1.1:8675, 10.10.2.2:8675 ],\n\tb: [ 10.10.1.1:309, 10.10.2.2:309 ]',
    properties: {
      addresses: {
        description:
          'IP addresses which offer the related ports that are marked as ready. These endpoints should be considered safe for load balancers and clients to utilize.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.EndpointAddress',
            },
          ],
        },
        type: 'array',
      },
      notReadyAddresses: {
        description:
          'IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.EndpointAddress',
            },
          ],
        },
        type: 'array',
      },
      ports: {
        description: 'Port numbers available on the related IP addresses.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.EndpointPort',
            },
          ],
        },
        type: 'array',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.Endpoints': {
    description:
      'Endpoints is a collection of endpoints that implement the actual service. Example:\n\n\t Name: "mysvc",\n\t Subsets: [\n\t   {\n\t     Addresses: [{"ip": "10.10.1.1"}, {"ip": "10.10.2.2"}],\n\t     Ports: [{"name": "a", "port": 8675}, {"name": "b", "port": 309}]\n\t   },\n\t   {\n\t     Addresses: [{"ip": "10.10.3.3"}],\n\t     Ports: [{"name": "a", "port": 93}, {"name": "b", "port": 76}]\n\t   },\n\t]',
    properties: {
      apiVersion: {
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        type: 'string',
      },
      kind: {
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      subsets: {
        description:
          'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.EndpointSubset',
            },
          ],
        },
        type: 'array',
      },
    },
    type: 'object',
    'x-kubernetes-group-version-kind': [
      {
        group: '',
        kind: 'Endpoints',
        version: 'v1',
      },
    ],
  },
  'io.k8s.api.core.v1.EnvFromSource': {
    description: 'EnvFromSource represents the source of a set of ConfigMaps',
    properties: {
      configMapRef: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ConfigMapEnvSource',
          },
        ],
        description: 'The ConfigMap to select from',
      },
      prefix: {
        description: 'An optional identifier to prepend to each key in the ConfigMap. Must be a C_IDENTIFIER.',
        type: 'string',
      },
      secretRef: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.SecretEnvSource',
          },
        ],
        description: 'The Secret to select from',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.EnvVar': {
    description: 'EnvVar represents an environment variable present in a Container.',
    properties: {
      name: {
        description: 'Name of the environment variable. Must be a C_IDENTIFIER.',
        type: 'string',
      },
      value: {
        description:
          'Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. If a variable cannot be resolved, the reference in the input string will be unchanged. Double $$ are reduced to a single $, which allows for escaping the $(VAR_NAME) syntax: i.e. "$$(VAR_NAME)" will produce the string literal "$(VAR_NAME)". Escaped references will never be expanded, regardless of whether the variable exists or not. Defaults to "".',
        type: 'string',
      },
      valueFrom: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.EnvVarSource',
          },
        ],
        description: "Source for the environment variable's value. Cannot be used if value is not empty.",
      },
    },
    required: ['name'],
    type: 'object',
  },
  'io.k8s.api.core.v1.EnvVarSource': {
    description: 'EnvVarSource represents a source for the value of an EnvVar.',
    properties: {
      configMapKeyRef: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ConfigMapKeySelector',
          },
        ],
        description: 'Selects a key of a ConfigMap.',
      },
      fieldRef: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ObjectFieldSelector',
          },
        ],
        description:
          "Selects a field of the pod: supports metadata.name, metadata.namespace, `metadata.labels['<KEY>']`, `metadata.annotations['<KEY>']`, spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs.",
      },
      resourceFieldRef: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ResourceFieldSelector',
          },
        ],
        description:
          'Selects a resource of the container: only resources limits and requests (limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory and requests.ephemeral-storage) are currently supported.',
      },
      secretKeyRef: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.SecretKeySelector',
          },
        ],
        description: "Selects a key of a secret in the pod's namespace",
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.Event': {
    description:
      'Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.',
    properties: {
      action: {
        description: 'What action was taken/failed regarding to the Regarding object.',
        type: 'string',
      },
      apiVersion: {
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        type: 'string',
      },
      count: {
        description: 'The number of times this event has occurred.',
        type: 'integer',
      },
      eventTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
          },
        ],
        description: 'Time when this Event was first observed.',
      },
      firstTimestamp: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
      },
      involvedObject: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ObjectReference',
          },
        ],
        description: 'The object that this event is about.',
      },
      kind: {
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      lastTimestamp: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'The time at which the most recent occurrence of this event was recorded.',
      },
      message: {
        description: 'A human-readable description of the status of this operation.',
        type: 'string',
      },
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      reason: {
        description: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
        type: 'string',
      },
      related: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ObjectReference',
          },
        ],
        description: 'Optional secondary object for more complex actions.',
      },
      reportingComponent: {
        description: 'Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.',
        type: 'string',
      },
      reportingInstance: {
        description: 'ID of the controller instance, e.g. `kubelet-xyzf`.',
        type: 'string',
      },
      series: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.EventSeries',
          },
        ],
        description: "Data about the Event series this event represents or nil if it's a singleton Event.",
      },
      source: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.EventSource',
          },
        ],
        description: 'The component reporting this event. Should be a short machine understandable string.',
      },
      type: {
        description: 'Type of this event (Normal, Warning), new types could be added in the future',
        type: 'string',
      },
    },
    required: ['metadata', 'involvedObject'],
    type: 'object',
    'x-kubernetes-group-version-kind': [
      {
        group: '',
        kind: 'Event',
        version: 'v1',
      },
    ],
  },
  'io.k8s.api.core.v1.EventSeries': {
    description: 'EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time.',
    properties: {
      count: {
        description: 'Number of occurrences in this series up to the last heartbeat time',
        type: 'integer',
      },
      lastObservedTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
          },
        ],
        description: 'Time of the last occurrence observed',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.EventSource': {
    description: 'EventSource contains information for an event.',
    properties: {
      component: {
        description: 'Component from which the event is generated.',
        type: 'string',
      },
      host: {
        description: 'Node name on which the event is generated.',
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.HostIP': {
    description: 'HostIP represents a single IP address allocated to the host.',
    properties: {
      ip: {
        description: 'IP is the IP address assigned to the host',
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.LoadBalancerStatus': {
    description: 'LoadBalancerStatus represents the status of a load-balancer.',
    properties: {
      ingress: {
        description:
          'Ingress is a list containing ingress points for the load-balancer. Traffic intended for the service should be sent to these ingress points.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.LoadBalancerIngress',
            },
          ],
        },
        type: 'array',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.LocalObjectReference': {
    description: 'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.',
    properties: {
      name: {
        description:
          'Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names',
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.Namespace': {
    description: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    properties: {
      apiVersion: {
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        type: 'string',
      },
      kind: {
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      spec: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NamespaceSpec',
          },
        ],
        description:
          'Spec defines the behavior of the Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
      status: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NamespaceStatus',
          },
        ],
        description:
          'Status describes the current status of a Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
    },
    type: 'object',
    'x-kubernetes-group-version-kind': [
      {
        group: '',
        kind: 'Namespace',
        version: 'v1',
      },
    ],
  },
  'io.k8s.api.core.v1.NamespaceCondition': {
    description: 'NamespaceCondition contains details about state of namespace.',
    properties: {
      lastTransitionTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'Last time the condition transitioned from one status to another.',
      },
      message: {
        description: 'Human-readable message indicating details about last transition.',
        type: 'string',
      },
      reason: {
        description: "Unique, one-word, CamelCase reason for the condition's last transition.",
        type: 'string',
      },
      status: {
        description: 'Status of the condition, one of True, False, Unknown.',
        type: 'string',
      },
      type: {
        description: 'Type of namespace controller condition.',
        type: 'string',
      },
    },
    required: ['type', 'status'],
    type: 'object',
  },
  'io.k8s.api.core.v1.NamespaceSpec': {
    description: 'NamespaceSpec describes the attributes on a Namespace.',
    properties: {
      finalizers: {
        description:
          'Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/',
        items: {
          type: 'string',
        },
        type: 'array',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.NamespaceStatus': {
    description: 'NamespaceStatus is information about the current status of a Namespace.',
    properties: {
      conditions: {
        description: "Represents the latest available observations of a namespace's current state.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.NamespaceCondition',
            },
          ],
        },
        type: 'array',
      },
      phase: {
        description:
          'Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/\n\nPossible enum values:\n - `"Active"` means the namespace is available for use in the system\n - `"Terminating"` means the namespace is undergoing graceful termination',
        enum: ['Active', 'Terminating'],
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.Node': {
    description: 'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).',
    properties: {
      apiVersion: {
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        type: 'string',
      },
      kind: {
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      spec: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NodeSpec',
          },
        ],
        description: 'Spec defines the behavior of a node. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
      status: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NodeStatus',
          },
        ],
        description:
          'Most recently observed status of the node. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
    },
    type: 'object',
    'x-kubernetes-group-version-kind': [
      {
        group: '',
        kind: 'Node',
        version: 'v1',
      },
    ],
  },
  'io.k8s.api.core.v1.NodeAddress': {
    description: "NodeAddress contains information for the node's address.",
    properties: {
      address: {
        description: 'The node address.',
        type: 'string',
      },
      type: {
        description: 'Node address type, one of Hostname, ExternalIP or InternalIP.',
        type: 'string',
      },
    },
    required: ['type', 'address'],
    type: 'object',
  },
  'io.k8s.api.core.v1.NodeCondition': {
    description: 'NodeCondition contains condition information for a node.',
    properties: {
      lastHeartbeatTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'Last time we got an update on a given condition.',
      },
      lastTransitionTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'Last time the condition transit from one status to another.',
      },
      message: {
        description: 'Human readable message indicating details about last transition.',
        type: 'string',
      },
      reason: {
        description: "(brief) reason for the condition's last transition.",
        type: 'string',
      },
      status: {
        description: 'Status of the condition, one of True, False, Unknown.',
        type: 'string',
      },
      type: {
        description: 'Type of node condition.',
        type: 'string',
      },
    },
    required: ['type', 'status'],
    type: 'object',
  },
  'io.k8s.api.core.v1.NodeDaemonEndpoints': {
    description: 'NodeDaemonEndpoints lists ports opened by daemons running on the Node.',
    properties: {
      kubeletEndpoint: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.DaemonEndpoint',
          },
        ],
        description: 'Endpoint on which Kubelet is listening.',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.NodeFeatures': {
    description:
      'NodeFeatures describes the set of features implemented by the CRI implementation. The features contained in the NodeFeatures should depend only on the cri implementation independent of runtime handlers.',
    properties: {
      supplementalGroupsPolicy: {
        description: 'SupplementalGroupsPolicy is set to true if the runtime supports SupplementalGroupsPolicy and ContainerUser.',
        type: 'boolean',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.NodeRuntimeHandler': {
    description: 'NodeRuntimeHandler is a set of runtime handler information.',
    properties: {
      features: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NodeRuntimeHandlerFeatures',
          },
        ],
        description: 'Supported features.',
      },
      name: {
        description: 'Runtime handler name. Empty for the default runtime handler.',
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.NodeSpec': {
    description: 'NodeSpec describes the attributes that a node is created with.',
    properties: {
      configSource: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NodeConfigSource',
          },
        ],
        description:
          "Deprecated: Previously used to specify the source of the node's configuration for the DynamicKubeletConfig feature. This feature is removed.",
      },
      externalID: {
        description: 'Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966',
        type: 'string',
      },
      podCIDR: {
        description: 'PodCIDR represents the pod IP range assigned to the node.',
        type: 'string',
      },
      podCIDRs: {
        description:
          'podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field. It may contain at most 1 value for each of IPv4 and IPv6.',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      providerID: {
        description: 'ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>',
        type: 'string',
      },
      taints: {
        description: "If specified, the node's taints.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.Taint',
            },
          ],
        },
        type: 'array',
      },
      unschedulable: {
        description:
          'Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration',
        type: 'boolean',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.NodeStatus': {
    description: 'NodeStatus is information about the current status of a node.',
    properties: {
      addresses: {
        description:
          "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.NodeAddress',
            },
          ],
        },
        type: 'array',
      },
      allocatable: {
        additionalProperties: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
            },
          ],
        },
        description: 'Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.',
        type: 'object',
      },
      capacity: {
        additionalProperties: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
            },
          ],
        },
        description: 'Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/reference/node/node-status/#capacity',
        type: 'object',
      },
      conditions: {
        description: 'Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.NodeCondition',
            },
          ],
        },
        type: 'array',
      },
      config: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NodeConfigStatus',
          },
        ],
        description: 'Status of the config assigned to the node via the dynamic Kubelet config feature.',
      },
      daemonEndpoints: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NodeDaemonEndpoints',
          },
        ],
        description: 'Endpoints of daemons running on the Node.',
      },
      features: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NodeFeatures',
          },
        ],
        description: 'Features describes the set of features implemented by the CRI implementation.',
      },
      images: {
        description: 'List of container images on this node',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerImage',
            },
          ],
        },
        type: 'array',
      },
      nodeInfo: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.NodeSystemInfo',
          },
        ],
        description: 'Set of ids/uuids to uniquely identify the node. More info: https://kubernetes.io/docs/reference/node/node-status/#info',
      },
      phase: {
        description:
          'NodePhase is the recently observed lifecycle phase of the node. More info: https://kubernetes.io/docs/concepts/nodes/node/#phase The field is never populated, and now is deprecated.\n\nPossible enum values:\n - `"Pending"` means the node has been created/added by the system, but not configured.\n - `"Running"` means the node has been configured and has Kubernetes components running.\n - `"Terminated"` means the node has been removed from the cluster.',
        enum: ['Pending', 'Running', 'Terminated'],
        type: 'string',
      },
      runtimeHandlers: {
        description: 'The available runtime handlers.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.NodeRuntimeHandler',
            },
          ],
        },
        type: 'array',
      },
      volumesAttached: {
        description: 'List of volumes that are attached to the node.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.AttachedVolume',
            },
          ],
        },
        type: 'array',
      },
      volumesInUse: {
        description: 'List of attachable volumes in use (mounted) by the node.',
        items: {
          type: 'string',
        },
        type: 'array',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.NodeSystemInfo': {
    description: 'NodeSystemInfo is a set of ids/uuids to uniquely identify the node.',
    properties: {
      architecture: {
        description: 'The Architecture reported by the node',
        type: 'string',
      },
      bootID: {
        description: 'Boot ID reported by the node.',
        type: 'string',
      },
      containerRuntimeVersion: {
        description: 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
        type: 'string',
      },
      kernelVersion: {
        description: "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
        type: 'string',
      },
      kubeProxyVersion: {
        description: 'Deprecated: KubeProxy Version reported by the node.',
        type: 'string',
      },
      kubeletVersion: {
        description: 'Kubelet Version reported by the node.',
        type: 'string',
      },
      machineID: {
        description:
          'MachineID reported by the node. For unique machine identification in the cluster this field is preferred. Learn more from man(5) machine-id: http://man7.org/linux/man-pages/man5/machine-id.5.html',
        type: 'string',
      },
      operatingSystem: {
        description: 'The Operating System reported by the node',
        type: 'string',
      },
      osImage: {
        description: 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
        type: 'string',
      },
      systemUUID: {
        description:
          'SystemUUID reported by the node. For unique machine identification MachineID is preferred. This field is specific to Red Hat hosts https://access.redhat.com/documentation/en-us/red_hat_subscription_management/1/html/rhsm/uuid',
        type: 'string',
      },
    },
    required: [
      'machineID',
      'systemUUID',
      'bootID',
      'kernelVersion',
      'osImage',
      'containerRuntimeVersion',
      'kubeletVersion',
      'kubeProxyVersion',
      'operatingSystem',
      'architecture',
    ],
    type: 'object',
  },
  'io.k8s.api.core.v1.ObjectReference': {
    description: 'ObjectReference contains enough information to let you inspect or modify the referred object.',
    properties: {
      apiVersion: {
        description: 'API version of the referent.',
        type: 'string',
      },
      fieldPath: {
        description:
          'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
        type: 'string',
      },
      kind: {
        description: 'Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      name: {
        description: 'Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names',
        type: 'string',
      },
      namespace: {
        description: 'Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
        type: 'string',
      },
      resourceVersion: {
        description:
          'Specific resourceVersion to which this reference is made, if any. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency',
        type: 'string',
      },
      uid: {
        description: 'UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids',
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.Pod': {
    description: 'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    properties: {
      apiVersion: {
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        type: 'string',
      },
      kind: {
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      spec: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec',
          },
        ],
        description:
          'Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
      status: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.PodStatus',
          },
        ],
        description:
          'Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
    },
    type: 'object',
    'x-kubernetes-group-version-kind': [
      {
        group: '',
        kind: 'Pod',
        version: 'v1',
      },
    ],
  },
  'io.k8s.api.core.v1.PodCondition': {
    description: 'PodCondition contains details for the current condition of this pod.',
    properties: {
      lastProbeTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'Last time we probed the condition.',
      },
      lastTransitionTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'Last time the condition transitioned from one status to another.',
      },
      message: {
        description: 'Human-readable message indicating details about last transition.',
        type: 'string',
      },
      reason: {
        description: "Unique, one-word, CamelCase reason for the condition's last transition.",
        type: 'string',
      },
      status: {
        description:
          'Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions',
        type: 'string',
      },
      type: {
        description: 'Type is the type of the condition. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions',
        type: 'string',
      },
    },
    required: ['type', 'status'],
    type: 'object',
  },
  'io.k8s.api.core.v1.PodIP': {
    description: 'PodIP represents a single IP address allocated to the pod.',
    properties: {
      ip: {
        description: 'IP is the IP address assigned to the pod',
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.PodOS': {
    description: 'PodOS defines the OS parameters of a pod.',
    properties: {
      name: {
        description:
          'Name is the name of the operating system. The currently supported values are linux and windows. Additional value may be defined in future and can be one of: https://github.com/opencontainers/runtime-spec/blob/master/config.md#platform-specific-configuration Clients should expect to handle additional values and treat unrecognized values in this field as os: null',
        type: 'string',
      },
    },
    required: ['name'],
    type: 'object',
  },
  'io.k8s.api.core.v1.PodReadinessGate': {
    description: 'PodReadinessGate contains the reference to a pod condition',
    properties: {
      conditionType: {
        description: "ConditionType refers to a condition in the pod's condition list with matching type.",
        type: 'string',
      },
    },
    required: ['conditionType'],
    type: 'object',
  },
  'io.k8s.api.core.v1.PodSchedulingGate': {
    description: 'PodSchedulingGate is associated to a Pod to guard its scheduling.',
    properties: {
      name: {
        description: 'Name of the scheduling gate. Each scheduling gate must have a unique name field.',
        type: 'string',
      },
    },
    required: ['name'],
    type: 'object',
  },
  'io.k8s.api.core.v1.PodSpec': {
    description: 'PodSpec is a description of a pod.',
    properties: {
      activeDeadlineSeconds: {
        description:
          'Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers. Value must be a positive integer.',
        type: 'integer',
      },
      affinity: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.Affinity',
          },
        ],
        description: "If specified, the pod's scheduling constraints",
      },
      automountServiceAccountToken: {
        description: 'AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.',
        type: 'boolean',
      },
      containers: {
        description:
          'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.Container',
            },
          ],
        },
        type: 'array',
      },
      dnsConfig: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.PodDNSConfig',
          },
        ],
        description: 'Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy.',
      },
      dnsPolicy: {
        description:
          'Set DNS policy for the pod. Defaults to "ClusterFirst". Valid values are \'ClusterFirstWithHostNet\', \'ClusterFirst\', \'Default\' or \'None\'. DNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy. To have DNS options set along with hostNetwork, you have to specify DNS policy explicitly to \'ClusterFirstWithHostNet\'.\n\nPossible enum values:\n - `"ClusterFirst"` indicates that the pod should use cluster DNS first unless hostNetwork is true, if it is available, then fall back on the default (as determined by kubelet) DNS settings.\n - `"ClusterFirstWithHostNet"` indicates that the pod should use cluster DNS first, if it is available, then fall back on the default (as determined by kubelet) DNS settings.\n - `"Default"` indicates that the pod should use the default (as determined by kubelet) DNS settings.\n - `"None"` indicates that the pod should use empty DNS settings. DNS parameters such as nameservers and search paths should be defined via DNSConfig.',
        enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
        type: 'string',
      },
      enableServiceLinks: {
        description:
          "EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true.",
        type: 'boolean',
      },
      ephemeralContainers: {
        description:
          "List of ephemeral containers run in this pod. Ephemeral containers may be run in an existing pod to perform user-initiated actions such as debugging. This list cannot be specified when creating a pod, and it cannot be modified by updating the pod spec. In order to add an ephemeral container to an existing pod, use the pod's ephemeralcontainers subresource.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.EphemeralContainer',
            },
          ],
        },
        type: 'array',
      },
      hostAliases: {
        description: "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.HostAlias',
            },
          ],
        },
        type: 'array',
      },
      hostIPC: {
        description: "Use the host's ipc namespace. Optional: Default to false.",
        type: 'boolean',
      },
      hostNetwork: {
        description:
          "Host networking requested for this pod. Use the host's network namespace. If this option is set, the ports that will be used must be specified. Default to false.",
        type: 'boolean',
      },
      hostPID: {
        description: "Use the host's pid namespace. Optional: Default to false.",
        type: 'boolean',
      },
      hostUsers: {
        description:
          "Use the host's user namespace. Optional: Default to true. If set to true or not present, the pod will be run in the host user namespace, useful for when the pod needs a feature only available to the host user namespace, such as loading a kernel module with CAP_SYS_MODULE. When set to false, a new userns is created for the pod. Setting false is useful for mitigating container breakout vulnerabilities even allowing users to run their containers as root without actually having root privileges on the host. This field is alpha-level and is only honored by servers that enable the UserNamespacesSupport feature.",
        type: 'boolean',
      },
      hostname: {
        description: "Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value.",
        type: 'string',
      },
      imagePullSecrets: {
        description:
          'ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec. If specified, these secrets will be passed to individual puller implementations for them to use. More info: https://kubernetes.io/docs/concepts/containers/images#specifying-imagepullsecrets-on-a-pod',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.LocalObjectReference',
            },
          ],
        },
        type: 'array',
      },
      initContainers: {
        description:
          'List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. If any init container fails, the pod is considered to have failed and is handled according to its restartPolicy. The name for an init container or normal container must be unique among all containers. Init containers may not have Lifecycle actions, Readiness probes, Liveness probes, or Startup probes. The resourceRequirements of an init container are taken into account during scheduling by finding the highest request/limit for each resource type, and then using the max of of that value or the sum of the normal containers. Limits are applied to init containers in a similar fashion. Init containers cannot currently be added or removed. Cannot be updated. More info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.Container',
            },
          ],
        },
        type: 'array',
      },
      nodeName: {
        description:
          'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
        type: 'string',
      },
      nodeSelector: {
        additionalProperties: {
          type: 'string',
        },
        description:
          "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
        type: 'object',
      },
      os: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.PodOS',
          },
        ],
        description:
          'Specifies the OS of the containers in the pod. Some pod and container fields are restricted if this is set.\n\nIf the OS field is set to linux, the following fields must be unset: -securityContext.windowsOptions\n\nIf the OS field is set to windows, following fields must be unset: - spec.hostPID - spec.hostIPC - spec.hostUsers - spec.securityContext.appArmorProfile - spec.securityContext.seLinuxOptions - spec.securityContext.seccompProfile - spec.securityContext.fsGroup - spec.securityContext.fsGroupChangePolicy - spec.securityContext.sysctls - spec.shareProcessNamespace - spec.securityContext.runAsUser - spec.securityContext.runAsGroup - spec.securityContext.supplementalGroups - spec.securityContext.supplementalGroupsPolicy - spec.containers[*].securityContext.appArmorProfile - spec.containers[*].securityContext.seLinuxOptions - spec.containers[*].securityContext.seccompProfile - spec.containers[*].securityContext.capabilities - spec.containers[*].securityContext.readOnlyRootFilesystem - spec.containers[*].securityContext.privileged - spec.containers[*].securityContext.allowPrivilegeEscalation - spec.containers[*].securityContext.procMount - spec.containers[*].securityContext.runAsUser - spec.containers[*].securityContext.runAsGroup',
      },
      overhead: {
        additionalProperties: {
          $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
        },
        description:
          'Overhead represents the resource overhead associated with running a pod for a given RuntimeClass. This field will be autopopulated at admission time by the RuntimeClass admission controller. If the RuntimeClass admission controller is enabled, overhead must not be set in Pod create requests. The RuntimeClass admission controller will reject Pod create requests which have the overhead already set. If RuntimeClass is configured and selected in the PodSpec, Overhead will be set to the value defined in the corresponding RuntimeClass, otherwise it will remain unset and treated as zero. More info: https://git.k8s.io/enhancements/keps/sig-node/688-pod-overhead/README.md',
        type: 'object',
      },
      preemptionPolicy: {
        description:
          'PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.\n\nPossible enum values:\n - `"Never"` means that pod never preempts other pods with lower priority.\n - `"PreemptLowerPriority"` means that pod can preempt other pods with lower priority.',
        enum: ['Never', 'PreemptLowerPriority'],
        type: 'string',
      },
      priority: {
        description:
          'The priority value. Various system components use this field to find the priority of the pod. When Priority Admission Controller is enabled, it prevents users from setting this field. The admission controller populates this field from PriorityClassName. The higher the value, the higher the priority.',
        type: 'integer',
      },
      priorityClassName: {
        description:
          'If specified, indicates the pod\'s priority. "system-node-critical" and "system-cluster-critical" are two special keywords which indicate the highest priorities with the former being the highest priority. Any other name must be defined by creating a PriorityClass object with that name. If not specified, the pod priority will be default or zero if there is no default.',
        type: 'string',
      },
      readinessGates: {
        description:
          'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.PodReadinessGate',
            },
          ],
        },
        type: 'array',
      },
      resourceClaims: {
        description:
          'ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start. The resources will be made available to those containers which consume them by name.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.PodResourceClaim',
            },
          ],
        },
        type: 'array',
      },
      resources: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ResourceRequirements',
          },
        ],
        description:
          'Resources is the total amount of CPU and Memory resources required by all containers in the pod. It supports specifying Requests and Limits for "cpu" and "memory" resource names only. ResourceClaims are not supported.\n\nThis field enables fine-grained control over resource allocation for the entire pod, allowing resource sharing among containers in a pod.\n\nThis is an alpha field and requires enabling the PodLevelResources feature gate.',
      },
      restartPolicy: {
        description:
          'Restart policy for all containers within the pod. One of Always, OnFailure, Never. In some contexts, only a subset of those values may be permitted. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy\n\nPossible enum values:\n - `"Always"`\n - `"Never"`\n - `"OnFailure"`',
        enum: ['Always', 'Never', 'OnFailure'],
        type: 'string',
      },
      runtimeClassName: {
        description:
          'RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.  If no RuntimeClass resource matches the named class, the pod will not be run. If unset or empty, the "legacy" RuntimeClass will be used, which is an implicit class with an empty definition that uses the default runtime handler. More info: https://git.k8s.io/enhancements/keps/sig-node/585-runtime-class',
        type: 'string',
      },
      schedulerName: {
        description: 'If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.',
        type: 'string',
      },
      schedulingGates: {
        description:
          'SchedulingGates is an opaque list of values that if specified will block scheduling the pod. If schedulingGates is not empty, the pod will stay in the SchedulingGated state and the scheduler will not attempt to schedule the pod.\n\nSchedulingGates can only be set at pod creation time, and be removed only afterwards.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.PodSchedulingGate',
            },
          ],
        },
        type: 'array',
      },
      securityContext: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.PodSecurityContext',
          },
        ],
        description:
          'SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field.',
      },
      serviceAccount: {
        description: 'DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead.',
        type: 'string',
      },
      serviceAccountName: {
        description:
          'ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
        type: 'string',
      },
      setHostnameAsFQDN: {
        description:
          "If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default). In Linux containers, this means setting the FQDN in the hostname field of the kernel (the nodename field of struct utsname). In Windows containers, this means setting the registry value of hostname for the registry key HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters to FQDN. If a pod does not have FQDN, this has no effect. Default to false.",
        type: 'boolean',
      },
      shareProcessNamespace: {
        description:
          'Share a single process namespace between all of the containers in a pod. When this is set containers will be able to view and signal processes from other containers in the same pod, and the first process in each container will not be assigned PID 1. HostPID and ShareProcessNamespace cannot both be set. Optional: Default to false.',
        type: 'boolean',
      },
      subdomain: {
        description:
          'If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>". If not specified, the pod will not have a domainname at all.',
        type: 'string',
      },
      terminationGracePeriodSeconds: {
        description:
          'Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. The value zero indicates stop immediately via the kill signal (no opportunity to shut down). If this value is nil, the default grace period will be used instead. The grace period is the duration in seconds after the processes running in the pod are sent a termination signal and the time when the processes are forcibly halted with a kill signal. Set this value longer than the expected cleanup time for your process. Defaults to 30 seconds.',
        type: 'integer',
      },
      tolerations: {
        description: "If specified, the pod's tolerations.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.Toleration',
            },
          ],
        },
        type: 'array',
      },
      topologySpreadConstraints: {
        description:
          'TopologySpreadConstraints describes how a group of pods ought to spread across topology domains. Scheduler will schedule pods in a way which abides by the constraints. All topologySpreadConstraints are ANDed.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.TopologySpreadConstraint',
            },
          ],
        },
        type: 'array',
      },
      volumes: {
        description: 'List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.Volume',
            },
          ],
        },
        type: 'array',
      },
    },
    required: ['containers'],
    type: 'object',
  },
  'io.k8s.api.core.v1.PodStatus': {
    description:
      'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.',
    properties: {
      conditions: {
        description: 'Current service state of pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.PodCondition',
            },
          ],
        },
        type: 'array',
      },
      containerStatuses: {
        description:
          'Statuses of containers in this pod. Each container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerStatus',
            },
          ],
        },
        type: 'array',
      },
      ephemeralContainerStatuses: {
        description:
          'Statuses for any ephemeral containers that have run in this pod. Each ephemeral container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-and-container-status',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerStatus',
            },
          ],
        },
        type: 'array',
      },
      hostIP: {
        description:
          'hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns mean that HostIP will not be updated even if there is a node is assigned to pod',
        type: 'string',
      },
      hostIPs: {
        description:
          'hostIPs holds the IP addresses allocated to the host. If this field is specified, the first entry must match the hostIP field. This list is empty if the pod has not started yet. A pod can be assigned to a node that has a problem in kubelet which in turns means that HostIPs will not be updated even if there is a node is assigned to this pod.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.HostIP',
            },
          ],
        },
        type: 'array',
      },
      initContainerStatuses: {
        description:
          'Statuses of init containers in this pod. The most recent successful non-restartable init container will have ready = true, the most recently started container will have startTime set. Each init container in the pod should have at most one status in this list, and all statuses should be for containers in the pod. However this is not enforced. If a status for a non-existent container is present in the list, or the list has duplicate names, the behavior of various Kubernetes components is not defined and those statuses might be ignored. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-and-container-status',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ContainerStatus',
            },
          ],
        },
        type: 'array',
      },
      message: {
        description: 'A human readable message indicating details about why the pod is in this condition.',
        type: 'string',
      },
      nominatedNodeName: {
        description:
          'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.',
        type: 'string',
      },
      phase: {
        description:
          'The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle. The conditions array, the reason and message fields, and the individual container status arrays contain more detail about the pod\'s status. There are five possible phase values:\n\nPending: The pod has been accepted by the Kubernetes system, but one or more of the container images has not been created. This includes time before being scheduled as well as time spent downloading images over the network, which could take a while. Running: The pod has been bound to a node, and all of the containers have been created. At least one container is still running, or is in the process of starting or restarting. Succeeded: All containers in the pod have terminated in success, and will not be restarted. Failed: All containers in the pod have terminated, and at least one container has terminated in failure. The container either exited with non-zero status or was terminated by the system. Unknown: For some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod.\n\nMore info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-phase\n\nPossible enum values:\n - `"Failed"` means that all containers in the pod have terminated, and at least one container has terminated in a failure (exited with a non-zero exit code or was stopped by the system).\n - `"Pending"` means the pod has been accepted by the system, but one or more of the containers has not been started. This includes time before being bound to a node, as well as time spent pulling images onto the host.\n - `"Running"` means the pod has been bound to a node and all of the containers have been started. At least one container is still running or is in the process of being restarted.\n - `"Succeeded"` means that all containers in the pod have voluntarily terminated with a container exit code of 0, and the system is not going to restart any of these containers.\n - `"Unknown"` means that for some reason the state of the pod could not be obtained, typically due to an error in communicating with the host of the pod. Deprecated: It isn\'t being set since 2015 (74da3b14b0c0f658b3bb8d2def5094686d0e9095)',
        enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
        type: 'string',
      },
      podIP: {
        description: 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
        type: 'string',
      },
      podIPs: {
        description:
          'podIPs holds the IP addresses allocated to the pod. If this field is specified, the 0th entry must match the podIP field. Pods may be allocated at most 1 value for each of IPv4 and IPv6. This list is empty if no IPs have been allocated yet.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.PodIP',
            },
          ],
        },
        type: 'array',
      },
      qosClass: {
        description:
          'The Quality of Service (QOS) classification assigned to the pod based on resource requirements See PodQOSClass type for available QOS classes More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#quality-of-service-classes\n\nPossible enum values:\n - `"BestEffort"` is the BestEffort qos class.\n - `"Burstable"` is the Burstable qos class.\n - `"Guaranteed"` is the Guaranteed qos class.',
        enum: ['BestEffort', 'Burstable', 'Guaranteed'],
        type: 'string',
      },
      reason: {
        description: "A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'",
        type: 'string',
      },
      resize: {
        description:
          'Status of resources resize desired for pod\'s containers. It is empty if no resources resize is pending. Any changes to container resources will automatically set this to "Proposed"',
        type: 'string',
      },
      resourceClaimStatuses: {
        description: 'Status of resource claims.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.PodResourceClaimStatus',
            },
          ],
        },
        type: 'array',
      },
      startTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description:
          'RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod.',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.PodTemplateSpec': {
    description: 'PodTemplateSpec describes the data a pod should have when created from a template',
    properties: {
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      spec: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec',
          },
        ],
        description:
          'Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.ResourceRequirements': {
    description: 'ResourceRequirements describes the compute resource requirements.',
    properties: {
      claims: {
        description:
          'Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.\n\nThis is an alpha field and requires enabling the DynamicResourceAllocation feature gate.\n\nThis field is immutable. It can only be set for containers.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ResourceClaim',
            },
          ],
        },
        type: 'array',
      },
      limits: {
        additionalProperties: {
          $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
        },
        description:
          'Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
        type: 'object',
      },
      requests: {
        additionalProperties: {
          $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
        },
        description:
          'Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
        type: 'object',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.SecretEnvSource': {
    description:
      "SecretEnvSource selects a Secret to populate the environment variables with.\n\nThe contents of the target Secret's Data field will represent the key-value pairs as environment variables.",
    properties: {
      name: {
        description:
          'Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names',
        type: 'string',
      },
      optional: {
        description: 'Specify whether the Secret must be defined',
        type: 'boolean',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.Service': {
    description:
      'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    properties: {
      apiVersion: {
        description:
          'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
        type: 'string',
      },
      kind: {
        description:
          'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      metadata: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
          },
        ],
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      spec: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ServiceSpec',
          },
        ],
        description:
          'Spec defines the behavior of a service. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
      status: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.ServiceStatus',
          },
        ],
        description:
          'Most recently observed status of the service. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
      },
    },
    type: 'object',
    'x-kubernetes-group-version-kind': [
      {
        group: '',
        kind: 'Service',
        version: 'v1',
      },
    ],
  },
  'io.k8s.api.core.v1.ServicePort': {
    description: "ServicePort contains information on service's port.",
    properties: {
      appProtocol: {
        description:
          "The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol.",
        type: 'string',
      },
      name: {
        description:
          "The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the 'name' field in the EndpointPort. Optional if only one ServicePort is defined on this service.",
        type: 'string',
      },
      nodePort: {
        description:
          'The port on each node on which this service is exposed when type is NodePort or LoadBalancer.  Usually assigned by the system. If a value is specified, in-range, and not in use it will be used, otherwise the operation will fail.  If not specified, a port will be allocated if this Service requires one.  If this field is specified when creating a Service which does not need it, creation will fail. This field will be wiped when updating a Service to no longer need it (e.g. changing type from NodePort to ClusterIP). More info: https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
        type: 'integer',
      },
      port: {
        description: 'The port that will be exposed by this service.',
        type: 'integer',
      },
      protocol: {
        description:
          'The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.\n\nPossible enum values:\n - `"SCTP"` is the SCTP protocol.\n - `"TCP"` is the TCP protocol.\n - `"UDP"` is the UDP protocol.',
        enum: ['SCTP', 'TCP', 'UDP'],
        type: 'string',
      },
      targetPort: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString',
          },
        ],
        description:
          "Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used (an identity map). This field is ignored for services with clusterIP=None, and should be omitted or set equal to the 'port' field. More info: https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service",
      },
    },
    required: ['port'],
    type: 'object',
  },
  'io.k8s.api.core.v1.ServiceSpec': {
    description: 'ServiceSpec describes the attributes that a user creates on a service.',
    properties: {
      allocateLoadBalancerNodePorts: {
        description:
          'allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer.  Default is "true". It may be set to "false" if the cluster load-balancer does not rely on NodePorts.  If the caller requests specific NodePorts (by specifying a value), those requests will be respected, regardless of this field. This field may only be set for services with type LoadBalancer and will be cleared if the type is changed to any other type.',
        type: 'boolean',
      },
      clusterIP: {
        description:
          'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
        type: 'string',
      },
      clusterIPs: {
        description:
          'ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.  If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be empty) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address.  Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName.  If this field is not specified, it will be initialized from the clusterIP field.  If this field is specified, clients must ensure that clusterIPs[0] and clusterIP have the same value.\n\nThis field may hold a maximum of two entries (dual-stack IPs, in either order). These IPs must correspond to the values of the ipFamilies field. Both clusterIPs and ipFamilies are governed by the ipFamilyPolicy field. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      externalIPs: {
        description:
          'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      externalName: {
        description:
          'externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). No proxying will be involved.  Must be a lowercase RFC-1123 hostname (https://tools.ietf.org/html/rfc1123) and requires `type` to be "ExternalName".',
        type: 'string',
      },
      externalTrafficPolicy: {
        description:
          'externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service\'s "externally-facing" addresses (NodePorts, ExternalIPs, and LoadBalancer IPs). If set to "Local", the proxy will configure the service in a way that assumes that external load balancers will take care of balancing the service traffic between nodes, and so each node will deliver traffic only to the node-local endpoints of the service, without masquerading the client source IP. (Traffic mistakenly sent to a node with no endpoints will be dropped.) The default value, "Cluster", uses the standard behavior of routing to all endpoints evenly (possibly modified by topology and other features). Note that traffic sent to an External IP or LoadBalancer IP from within the cluster will always get "Cluster" semantics, but clients sending to a NodePort from within the cluster may need to take traffic policy into account when picking a node.\n\nPossible enum values:\n - `"Cluster"` routes traffic to all endpoints.\n - `"Local"` preserves the source IP of the traffic by routing only to endpoints on the same node as the traffic was received on (dropping the traffic if there are no local endpoints).',
        enum: ['Cluster', 'Local'],
        type: 'string',
      },
      healthCheckNodePort: {
        description:
          'healthCheckNodePort specifies the healthcheck nodePort for the service. This only applies when type is set to LoadBalancer and externalTrafficPolicy is set to Local. If a value is specified, is in-range, and is not in use, it will be used.  If not specified, a value will be automatically allocated.  External systems (e.g. load-balancers) can use this port to determine if a given node holds endpoints for this service or not.  If this field is specified when creating a Service which does not need it, creation will fail. This field will be wiped when updating a Service to no longer need it (e.g. changing type). This field cannot be updated once set.',
        type: 'integer',
      },
      internalTrafficPolicy: {
        description:
          'InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP. If set to "Local", the proxy will assume that pods only want to talk to endpoints of the service on the same node as the pod, dropping the traffic if there are no local endpoints. The default value, "Cluster", uses the standard behavior of routing to all endpoints evenly (possibly modified by topology and other features).\n\nPossible enum values:\n - `"Cluster"` routes traffic to all endpoints.\n - `"Local"` routes traffic only to endpoints on the same node as the client pod (dropping the traffic if there are no local endpoints).',
        enum: ['Cluster', 'Local'],
        type: 'string',
      },
      ipFamilies: {
        description:
          'IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service. This field is usually assigned automatically based on cluster configuration and the ipFamilyPolicy field. If this field is specified manually, the requested family is available in the cluster, and ipFamilyPolicy allows it, it will be used; otherwise creation of the service will fail. This field is conditionally mutable: it allows for adding or removing a secondary IP family, but it does not allow changing the primary IP family of the Service. Valid values are "IPv4" and "IPv6".  This field only applies to Services of types ClusterIP, NodePort, and LoadBalancer, and does apply to "headless" services. This field will be wiped when updating a Service to type ExternalName.\n\nThis field may hold a maximum of two entries (dual-stack families, in either order).  These families must correspond to the values of the clusterIPs field, if specified. Both clusterIPs and ipFamilies are governed by the ipFamilyPolicy field.',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      ipFamilyPolicy: {
        description:
          'IPFamilyPolicy represents the dual-stack-ness requested or required by this Service. If there is no value provided, then this field will be set to SingleStack. Services can be "SingleStack" (a single IP family), "PreferDualStack" (two IP families on dual-stack configured clusters or a single IP family on single-stack clusters), or "RequireDualStack" (two IP families on dual-stack configured clusters, otherwise fail). The ipFamilies and clusterIPs fields depend on the value of this field. This field will be wiped when updating a service to type ExternalName.\n\nPossible enum values:\n - `"PreferDualStack"` indicates that this service prefers dual-stack when the cluster is configured for dual-stack. If the cluster is not configured for dual-stack the service will be assigned a single IPFamily. If the IPFamily is not set in service.spec.ipFamilies then the service will be assigned the default IPFamily configured on the cluster\n - `"RequireDualStack"` indicates that this service requires dual-stack. Using IPFamilyPolicyRequireDualStack on a single stack cluster will result in validation errors. The IPFamilies (and their order) assigned  to this service is based on service.spec.ipFamilies. If service.spec.ipFamilies was not provided then it will be assigned according to how they are configured on the cluster. If service.spec.ipFamilies has only one entry then the alternative IPFamily will be added by apiserver\n - `"SingleStack"` indicates that this service is required to have a single IPFamily. The IPFamily assigned is based on the default IPFamily used by the cluster or as identified by service.spec.ipFamilies field',
        enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
        type: 'string',
      },
      loadBalancerClass: {
        description:
          "loadBalancerClass is the class of the load balancer implementation this Service belongs to. If specified, the value of this field must be a label-style identifier, with an optional prefix, e.g. \"internal-vip\" or \"example.com/internal-vip\". Unprefixed names are reserved for end-users. This field can only be set when the Service type is 'LoadBalancer'. If not set, the default load balancer implementation is used, today this is typically done through the cloud provider integration, but should apply for any default implementation. If set, it is assumed that a load balancer implementation is watching for Services with a matching class. Any default load balancer implementation (e.g. cloud providers) should ignore Services that set this field. This field can only be set when creating or updating a Service to type 'LoadBalancer'. Once set, it can not be changed. This field will be wiped when a service is updated to a non 'LoadBalancer' type.",
        type: 'string',
      },
      loadBalancerIP: {
        description:
          'Only applies to Service Type: LoadBalancer. This feature depends on whether the underlying cloud-provider supports specifying the loadBalancerIP when a load balancer is created. This field will be ignored if the cloud-provider does not support the feature. Deprecated: This field was under-specified and its meaning varies across implementations. Using it is non-portable and it may not support dual-stack. Users are encouraged to use implementation-specific annotations when available.',
        type: 'string',
      },
      loadBalancerSourceRanges: {
        description:
          'If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs. This field will be ignored if the cloud-provider does not support the feature." More info: https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      ports: {
        description:
          'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.api.core.v1.ServicePort',
            },
          ],
        },
        type: 'array',
      },
      publishNotReadyAddresses: {
        description:
          'publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready. The primary use case for setting this field is for a StatefulSet\'s Headless Service to propagate SRV DNS records for its Pods for the purpose of peer discovery. The Kubernetes controllers that generate Endpoints and EndpointSlice resources for Services interpret this to mean that all endpoints are considered "ready" even if the Pods themselves are not. Agents which consume only Kubernetes generated endpoints through the Endpoints or EndpointSlice resources can safely assume this behavior.',
        type: 'boolean',
      },
      selector: {
        additionalProperties: {
          type: 'string',
        },
        description:
          'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/',
        type: 'object',
      },
      sessionAffinity: {
        description:
          'Supports "ClientIP" and "None". Used to maintain session affinity. Enable client IP based session affinity. Must be ClientIP or None. Defaults to None. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies\n\nPossible enum values:\n - `"ClientIP"` is the Client IP based.\n - `"None"` - no session affinity.',
        enum: ['ClientIP', 'None'],
        type: 'string',
      },
      sessionAffinityConfig: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.SessionAffinityConfig',
          },
        ],
        description: 'sessionAffinityConfig contains the configurations of session affinity.',
      },
      trafficDistribution: {
        description:
          'TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints. Implementations can use this field as a hint, but are not required to guarantee strict adherence. If the field is not set, the implementation will apply its default routing strategy. If set to "PreferClose", implementations should prioritize endpoints that are topologically close (e.g., same zone). This is a beta field and requires enabling ServiceTrafficDistribution feature.',
        type: 'string',
      },
      type: {
        description:
          'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types\n\nPossible enum values:\n - `"ClusterIP"` means a service will only be accessible inside the cluster, via the cluster IP.\n - `"ExternalName"` means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.\n - `"LoadBalancer"` means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to \'NodePort\' type.\n - `"NodePort"` means a service will be exposed on one port of every node, in addition to \'ClusterIP\' type.',
        enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.ServiceStatus': {
    description: 'ServiceStatus represents the current status of a service.',
    properties: {
      conditions: {
        description: 'Current service state',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Condition',
            },
          ],
        },
        type: 'array',
      },
      loadBalancer: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.api.core.v1.LoadBalancerStatus',
          },
        ],
        description: 'LoadBalancer contains the current status of the load-balancer, if one is present.',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.Taint': {
    description: 'The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.',
    properties: {
      effect: {
        description:
          'Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.\n\nPossible enum values:\n - `"NoExecute"` Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.\n - `"NoSchedule"` Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.\n - `"PreferNoSchedule"` Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler.',
        enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
        type: 'string',
      },
      key: {
        description: 'Required. The taint key to be applied to a node.',
        type: 'string',
      },
      timeAdded: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description: 'TimeAdded represents the time at which the taint was added. It is only written for NoExecute taints.',
      },
      value: {
        description: 'The taint value corresponding to the taint key.',
        type: 'string',
      },
    },
    required: ['key', 'effect'],
    type: 'object',
  },
  'io.k8s.api.core.v1.Toleration': {
    description:
      'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.',
    properties: {
      effect: {
        description:
          'Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.\n\nPossible enum values:\n - `"NoExecute"` Evict any already-running pods that do not tolerate the taint. Currently enforced by NodeController.\n - `"NoSchedule"` Do not allow new pods to schedule onto the node unless they tolerate the taint, but allow all pods submitted to Kubelet without going through the scheduler to start, and allow all already-running pods to continue running. Enforced by the scheduler.\n - `"PreferNoSchedule"` Like TaintEffectNoSchedule, but the scheduler tries not to schedule new pods onto the node, rather than prohibiting new pods from scheduling onto the node entirely. Enforced by the scheduler.',
        enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
        type: 'string',
      },
      key: {
        description:
          'Key is the taint key that the toleration applies to. Empty means match all taint keys. If the key is empty, operator must be Exists; this combination means to match all values and all keys.',
        type: 'string',
      },
      operator: {
        description:
          'Operator represents a key\'s relationship to the value. Valid operators are Exists and Equal. Defaults to Equal. Exists is equivalent to wildcard for value, so that a pod can tolerate all taints of a particular category.\n\nPossible enum values:\n - `"Equal"`\n - `"Exists"`',
        enum: ['Equal', 'Exists'],
        type: 'string',
      },
      tolerationSeconds: {
        description:
          'TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint. By default, it is not set, which means tolerate the taint forever (do not evict). Zero and negative values will be treated as 0 (evict immediately) by the system.',
        type: 'integer',
      },
      value: {
        description:
          'Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty, otherwise just a regular string.',
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.api.core.v1.VolumeDevice': {
    description: 'volumeDevice describes a mapping of a raw block device within a container.',
    properties: {
      devicePath: {
        description: 'devicePath is the path inside of the container that the device will be mapped to.',
        type: 'string',
      },
      name: {
        description: 'name must match the name of a persistentVolumeClaim in the pod',
        type: 'string',
      },
    },
    required: ['name', 'devicePath'],
    type: 'object',
  },
  'io.k8s.api.core.v1.VolumeMount': {
    description: 'VolumeMount describes a mounting of a Volume within a container.',
    properties: {
      mountPath: {
        description: "Path within the container at which the volume should be mounted.  Must not contain ':'.",
        type: 'string',
      },
      mountPropagation: {
        description:
          'mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used. This field is beta in 1.10. When RecursiveReadOnly is set to IfPossible or to Enabled, MountPropagation must be None or unspecified (which defaults to None).\n\nPossible enum values:\n - `"Bidirectional"` means that the volume in a container will receive new mounts from the host or other containers, and its own mounts will be propagated from the container to the host or other containers. Note that this mode is recursively applied to all mounts in the volume ("rshared" in Linux terminology).\n - `"HostToContainer"` means that the volume in a container will receive new mounts from the host or other containers, but filesystems mounted inside the container won\'t be propagated to the host or other containers. Note that this mode is recursively applied to all mounts in the volume ("rslave" in Linux terminology).\n - `"None"` means that the volume in a container will not receive new mounts from the host or other containers, and filesystems mounted inside the container won\'t be propagated to the host or other containers. Note that this mode corresponds to "private" in Linux terminology.',
        enum: ['Bidirectional', 'HostToContainer', 'None'],
        type: 'string',
      },
      name: {
        description: 'This must match the Name of a Volume.',
        type: 'string',
      },
      readOnly: {
        description: 'Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.',
        type: 'boolean',
      },
      recursiveReadOnly: {
        description:
          'RecursiveReadOnly specifies whether read-only mounts should be handled recursively.\n\nIf ReadOnly is false, this field has no meaning and must be unspecified.\n\nIf ReadOnly is true, and this field is set to Disabled, the mount is not made recursively read-only.  If this field is set to IfPossible, the mount is made recursively read-only, if it is supported by the container runtime.  If this field is set to Enabled, the mount is made recursively read-only if it is supported by the container runtime, otherwise the pod will not be started and an error will be generated to indicate the reason.\n\nIf this field is set to IfPossible or Enabled, MountPropagation must be set to None (or be unspecified, which defaults to None).\n\nIf this field is not specified, it is treated as an equivalent of Disabled.',
        type: 'string',
      },
      subPath: {
        description: 'Path within the volume from which the container\'s volume should be mounted. Defaults to "" (volume\'s root).',
        type: 'string',
      },
      subPathExpr: {
        description:
          "Expanded path within the volume from which the container's volume should be mounted. Behaves similarly to SubPath but environment variable references $(VAR_NAME) are expanded using the container's environment. Defaults to \"\" (volume's root). SubPathExpr and SubPath are mutually exclusive.",
        type: 'string',
      },
    },
    required: ['name', 'mountPath'],
    type: 'object',
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': {
    description:
      'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the "" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= "+" | "-" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | "" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn\'t choose the capitalization.)\n\n<decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.\n\nWhen a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.\n\nBefore serializing, Quantity will be put in "canonical form". This means that Exponent/suffix will be adjusted up or down (with a corresponding increase or decrease in Mantissa) such that:\n\n- No precision is lost - No fractional digits will be emitted - The exponent (or suffix) is as large as possible.\n\nThe sign will be omitted unless the number is negative.\n\nExamples:\n\n- 1.5 will be serialized as "1500m" - 1.5Gi will be serialized as "1536Mi"\n\nNote that the quantity will NEVER be internally represented by a floating point number. That is the whole point of this exercise.\n\nNon-canonical values will still parse as long as they are well formed, but will be re-emitted in their canonical form. (So always use canonical form, or don\'t diff.)\n\nThis format is intended to make it difficult to use these numbers without writing some sort of special handling code in the hopes that that will cause implementors to also use a fixed point implementation.',
    oneOf: [
      {
        type: 'string',
      },
      {
        type: 'number',
      },
    ],
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Condition': {
    description: 'Condition contains details for one aspect of the current state of this API Resource.',
    properties: {
      lastTransitionTime: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description:
          'lastTransitionTime is the last time the condition transitioned from one status to another. This should be when the underlying condition changed.  If that is not known, then using the time when the API field changed is acceptable.',
      },
      message: {
        description: 'message is a human readable message indicating details about the transition. This may be an empty string.',
        type: 'string',
      },
      observedGeneration: {
        description:
          'observedGeneration represents the .metadata.generation that the condition was set based upon. For instance, if .metadata.generation is currently 12, but the .status.conditions[x].observedGeneration is 9, the condition is out of date with respect to the current state of the instance.',
        type: 'integer',
      },
      reason: {
        description:
          "reason contains a programmatic identifier indicating the reason for the condition's last transition. Producers of specific condition types may define expected values and meanings for this field, and whether the values are considered a guaranteed API. The value should be a CamelCase string. This field may not be empty.",
        type: 'string',
      },
      status: {
        description: 'status of the condition, one of True, False, Unknown.',
        type: 'string',
      },
      type: {
        description: 'type of condition in CamelCase or in foo.example.com/CamelCase.',
        type: 'string',
      },
    },
    required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'],
    type: 'object',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': {
    description:
      'A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.',
    properties: {
      matchExpressions: {
        description: 'matchExpressions is a list of label selector requirements. The requirements are ANDed.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement',
            },
          ],
        },
        type: 'array',
      },
      matchLabels: {
        additionalProperties: {
          type: 'string',
        },
        description:
          'matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value". The requirements are ANDed.',
        type: 'object',
      },
    },
    type: 'object',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry': {
    description: 'ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.',
    properties: {
      apiVersion: {
        description:
          'APIVersion defines the version of this resource that this field set applies to. The format is "group/version" just like the top-level APIVersion field. It is necessary to track the version of a field set because it cannot be automatically converted.',
        type: 'string',
      },
      fieldsType: {
        description: 'FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: "FieldsV1"',
        type: 'string',
      },
      fieldsV1: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
          },
        ],
        description: 'FieldsV1 holds the first JSON version format as described in the "FieldsV1" type.',
      },
      manager: {
        description: 'Manager is an identifier of the workflow managing these fields.',
        type: 'string',
      },
      operation: {
        description:
          "Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are 'Apply' and 'Update'.",
        type: 'string',
      },
      subresource: {
        description:
          'Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource. The value of this field is used to distinguish between managers, even if they share the same name. For example, a status update will be distinct from a regular update using the same manager name. Note that the APIVersion field is not related to the Subresource field and it always corresponds to the version of the main resource.',
        type: 'string',
      },
      time: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description:
          'Time is the timestamp of when the ManagedFields entry was added. The timestamp will also be updated if a field is added, the manager changes any of the owned fields value or removes a field. The timestamp does not update when a field is removed from the entry because another manager took it over.',
      },
    },
    type: 'object',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': {
    description: 'MicroTime is version of Time with microsecond level precision.',
    type: 'string',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    description: 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    properties: {
      annotations: {
        additionalProperties: {
          type: 'string',
        },
        description:
          'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations',
        type: 'object',
      },
      creationTimestamp: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description:
          'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
      },
      deletionGracePeriodSeconds: {
        description:
          'Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. May only be shortened. Read-only.',
        type: 'integer',
      },
      deletionTimestamp: {
        allOf: [
          {
            $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time',
          },
        ],
        description:
          'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This field is set by the server when a graceful deletion is requested by the user, and is not directly settable by a client. The resource is expected to be deleted (no longer visible from resource lists, and not reachable by name) after the time in this field, once the finalizers list is empty. As long as the finalizers list contains items, deletion is blocked. Once the deletionTimestamp is set, this value may not be unset or be set further into the future, although it may be shortened or the resource may be deleted prior to this time. For example, a user may request that a pod is deleted in 30 seconds. The Kubelet will react by sending a graceful termination signal to the containers in the pod. After that 30 seconds, the Kubelet will send a hard termination signal (SIGKILL) to the container and after cleanup, remove the pod from the API. In the presence of network partitions, this object may still exist after this timestamp, until an administrator or automated process can determine the resource is fully terminated. If not set, graceful deletion of the object has not been requested.\n\nPopulated by the system when a graceful deletion is requested. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
      },
      finalizers: {
        description:
          'Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list. If the deletionTimestamp of the object is non-nil, entries in this list can only be removed. Finalizers may be processed and removed in any order.  Order is NOT enforced because it introduces significant risk of stuck finalizers. finalizers is a shared field, any actor with permission can reorder it. If the finalizer list is processed in order, then this can lead to a situation in which the component responsible for the first finalizer in the list is waiting for a signal (field value, external system, or other) produced by a component responsible for a finalizer later in the list, resulting in a deadlock. Without enforced ordering finalizers are free to order amongst themselves and are not vulnerable to ordering changes in the list.',
        items: {
          type: 'string',
        },
        type: 'array',
      },
      generateName: {
        description:
          'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided. If this field is used, the name returned to the client will be different than the name passed. This value will also be combined with a unique suffix. The provided value has the same validation rules as the Name field, and may be truncated by the length of the suffix required to make the value unique on the server.\n\nIf this field is specified and the generated name exists, the server will return a 409.\n\nApplied only if Name is not specified. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#idempotency',
        type: 'string',
      },
      generation: {
        description: 'A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.',
        type: 'integer',
      },
      labels: {
        additionalProperties: {
          type: 'string',
        },
        description:
          'Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels',
        type: 'object',
      },
      managedFields: {
        description:
          "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn't need to set or understand this field. A workflow can be the user's name, a controller's name, or the name of a specific apply path like \"ci-cd\". The set of fields is always in the version that the workflow used when modifying the object.",
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry',
            },
          ],
        },
        type: 'array',
      },
      name: {
        description:
          'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
        type: 'string',
      },
      namespace: {
        description:
          'Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be empty.\n\nMust be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces',
        type: 'string',
      },
      ownerReferences: {
        description:
          'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected. If this object is managed by a controller, then an entry in this list will point to this controller, with the controller field set to true. There cannot be more than one managing controller.',
        items: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference',
            },
          ],
        },
        type: 'array',
      },
      resourceVersion: {
        description:
          'An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. May be used for optimistic concurrency, change detection, and the watch operation on a resource or set of resources. Clients must treat these values as opaque and passed unmodified back to the server. They may only be valid for a particular resource or set of resources.\n\nPopulated by the system. Read-only. Value must be treated as opaque by clients and . More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#concurrency-control-and-consistency',
        type: 'string',
      },
      selfLink: {
        description: 'Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.',
        type: 'string',
      },
      uid: {
        description:
          'UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations.\n\nPopulated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids',
        type: 'string',
      },
    },
    type: 'object',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference': {
    description:
      'OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.',
    properties: {
      apiVersion: {
        description: 'API version of the referent.',
        type: 'string',
      },
      blockOwnerDeletion: {
        description:
          'If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed. See https://kubernetes.io/docs/concepts/architecture/garbage-collection/#foreground-deletion for how the garbage collector interacts with this field and enforces the foreground deletion. Defaults to false. To set this field, a user needs "delete" permission of the owner, otherwise 422 (Unprocessable Entity) will be returned.',
        type: 'boolean',
      },
      controller: {
        description: 'If true, this reference points to the managing controller.',
        type: 'boolean',
      },
      kind: {
        description: 'Kind of the referent. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
        type: 'string',
      },
      name: {
        description: 'Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
        type: 'string',
      },
      uid: {
        description: 'UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids',
        type: 'string',
      },
    },
    required: ['apiVersion', 'kind', 'name', 'uid'],
    type: 'object',
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': {
    description:
      'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.',
    type: 'string',
  },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    description:
      'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
    oneOf: [
      {
        type: 'integer',
      },
      {
        type: 'string',
      },
    ],
  },
};
