{{/*
Helpers shared by every template. Per-service helpers take a dict:
  (dict "root" $ "name" "<service>")
and the templates loop over `include "itsm.enabledServices" .`, so a new service in values
gets a Deployment, Service, ConfigMap, ... without a new template.
*/}}

{{- define "itsm.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-wide prefix of every object name: at most 40 characters, leaving room for "-<service>". */}}
{{- define "itsm.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "itsm.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object of the release. */}}
{{- define "itsm.labels" -}}
helm.sh/chart: {{ include "itsm.chart" . }}
app.kubernetes.io/name: {{ include "itsm.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: itsm
{{- end -}}

{{/* Selects every pod of the release (NetworkPolicy: "from pods of this release"). */}}
{{- define "itsm.releaseSelectorLabels" -}}
app.kubernetes.io/name: {{ include "itsm.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selects the pods of one service. Immutable in a Deployment: never add to it. */}}
{{- define "itsm.selectorLabels" -}}
{{ include "itsm.releaseSelectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "itsm.serviceLabels" -}}
{{ include "itsm.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Object name of one service: "<fullname>-<service>"; also its DNS name in the namespace. */}}
{{- define "itsm.componentName" -}}
{{- printf "%s-%s" (include "itsm.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Job names become label values (63 characters at most). */}}
{{- define "itsm.migrationJobName" -}}
{{- printf "%s-migrations" (include "itsm.componentName" . | trunc 52 | trimSuffix "-") -}}
{{- end -}}

{{/* Names of the enabled services, sorted, as a JSON list (templates: `fromJsonArray`). */}}
{{- define "itsm.enabledServices" -}}
{{- $names := list -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- $names = append $names $name -}}
{{- end -}}
{{- end -}}
{{- $names | sortAlpha | toJson -}}
{{- end -}}

{{/*
Names of the enabled components, sorted, as a JSON list: the services and, when enabled, the web
app. For the objects every component gets alike (PodDisruptionBudget, HorizontalPodAutoscaler).
*/}}
{{- define "itsm.enabledComponents" -}}
{{- $names := include "itsm.enabledServices" . | fromJsonArray -}}
{{- if .Values.web.enabled -}}
{{- $names = append $names "web" -}}
{{- end -}}
{{- $names | sortAlpha | toJson -}}
{{- end -}}

{{/* Settings of one component, as YAML: the web app's own values, or a service's (itsm.settings). */}}
{{- define "itsm.componentSettings" -}}
{{- if and (eq .name "web") .root.Values.web.enabled -}}
{{- toYaml .root.Values.web -}}
{{- else -}}
{{- include "itsm.settings" . -}}
{{- end -}}
{{- end -}}

{{/*
The settings of one service: serviceDefaults overridden by the service's entry, as YAML
(templates: `fromYaml`). mergeOverwrite on copies, so .Values is never modified.
*/}}
{{- define "itsm.settings" -}}
{{- $svc := index .root.Values.services .name -}}
{{- mergeOverwrite (deepCopy .root.Values.serviceDefaults) (deepCopy $svc) | toYaml -}}
{{- end -}}

{{/* Image tag of one service: its own, else the global one, else the chart's appVersion. */}}
{{- define "itsm.imageTag" -}}
{{- $img := .settings.image | default dict -}}
{{- $img.tag | default .root.Values.image.tag | default .root.Chart.AppVersion | toString -}}
{{- end -}}

{{/* "[<registry>/]<repository>:<tag>"; the repository defaults to "itsm-<service>". */}}
{{- define "itsm.image" -}}
{{- $img := .settings.image | default dict -}}
{{- $registry := .root.Values.image.registry -}}
{{- if hasKey $img "registry" -}}{{- $registry = $img.registry -}}{{- end -}}
{{- $repository := $img.repository | default (printf "itsm-%s" .name) -}}
{{- $tag := include "itsm.imageTag" . -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "itsm.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "itsm.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "itsm.postgresqlSecretName" -}}
{{- if .Values.postgresql.existingSecret -}}
{{- .Values.postgresql.existingSecret -}}
{{- else -}}
{{- printf "%s-postgresql" (include "itsm.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "itsm.authSecretName" -}}
{{- if .Values.auth.existingSecret -}}
{{- .Values.auth.existingSecret -}}
{{- else -}}
{{- printf "%s-auth" (include "itsm.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "itsm.mailSecretName" -}}
{{- if .Values.mail.existingSecret -}}
{{- .Values.mail.existingSecret -}}
{{- else -}}
{{- printf "%s-mail" (include "itsm.fullname" .) -}}
{{- end -}}
{{- end -}}

{{/* The inbound SMTP Service of one service: "<fullname>-<service>-smtp", at most 63 characters. */}}
{{- define "itsm.smtpServiceName" -}}
{{- printf "%s-smtp" (include "itsm.componentName" . | trunc 58 | trimSuffix "-") -}}
{{- end -}}

{{/* Public base URL of the gateway, from the Ingress host. */}}
{{- define "itsm.publicUrl" -}}
{{- printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) .Values.ingress.host -}}
{{- end -}}

{{/*
Non-secret environment of one service (the ConfigMap's data; inlined in the migration Job,
which runs before the ConfigMap exists). Derived from the global values, then the service's
`env` on top, so an operator can always override what the chart derives.
*/}}
{{- define "itsm.configEnv" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $s := .settings -}}
{{- $v := $root.Values -}}
{{- $env := dict
  "NODE_ENV" $v.nodeEnv
  "LOG_LEVEL" $v.logLevel
  "HTTP_HOST" "0.0.0.0"
  "HTTP_PORT" (toString $s.httpPort)
  "SHUTDOWN_DRAIN_MS" (toString (int64 $s.shutdownDrainMs))
  "OTEL_SERVICE_NAME" $name
  "OTEL_TRACES_EXPORTER" (ternary $v.otel.tracesExporter "none" (ne $v.otel.endpoint ""))
  "OTEL_TRACES_SAMPLER" $v.otel.tracesSampler
  "OTEL_TRACES_SAMPLER_ARG" (toString $v.otel.tracesSamplerRatio)
-}}
{{- with $v.otel.endpoint -}}
{{- $_ := set $env "OTEL_EXPORTER_OTLP_ENDPOINT" . -}}
{{- end -}}
{{- if $s.grpcPort -}}
{{- $_ := set $env "GRPC_HOST" "0.0.0.0" -}}
{{- $_ := set $env "GRPC_PORT" (toString $s.grpcPort) -}}
{{- end -}}
{{- if $s.kafka -}}
{{- $_ := set $env "KAFKA_BROKERS" (join "," $v.kafka.brokers) -}}
{{- $_ := set $env "KAFKA_CLIENT_ID" $name -}}
{{- end -}}
{{- if $s.search -}}
{{- $_ := set $env "SEARCH_URL" (required "search.url is required by services with search: true" $v.search.url) -}}
{{- $_ := set $env "SEARCH_FLAVOUR" $v.search.flavour -}}
{{- end -}}
{{- range $client := $s.grpcClients | default list -}}
{{- $target := index $v.services $client | default dict -}}
{{- if not (and $target.enabled $target.grpcPort) -}}
{{- fail (printf "services.%s.grpcClients: %q is not an enabled service with a grpcPort" $name $client) -}}
{{- end -}}
{{- $url := printf "%s:%v" (include "itsm.componentName" (dict "root" $root "name" $client)) $target.grpcPort -}}
{{- $_ := set $env (printf "%s_GRPC_URL" ($client | upper | replace "-" "_")) $url -}}
{{- end -}}
{{- if and $v.ingress.enabled (eq $v.ingress.service $name) -}}
{{- $_ := set $env "PUBLIC_URL" (include "itsm.publicUrl" $root) -}}
{{- end -}}
{{- if $s.auth -}}
{{- $a := $v.auth -}}
{{- $origins := $a.corsAllowedOrigins | default list -}}
{{- if and (not $origins) $v.ingress.enabled (eq $v.ingress.service $name) -}}
{{- $origins = list (include "itsm.publicUrl" $root) -}}
{{- end -}}
{{- $_ := set $env "CORS_ALLOWED_ORIGINS" (join "," $origins) -}}
{{- $_ := set $env "AUTH_OIDC_PROVIDERS" ($a.oidcProviders | default list | toJson) -}}
{{- $_ := set $env "AUTH_ACCESS_TOKEN_TTL_SECONDS" (toString (int64 $a.accessTokenTtlSeconds)) -}}
{{- $_ := set $env "RATE_LIMIT_PER_MINUTE" (toString (int64 $a.rateLimit.perMinute)) -}}
{{- $_ := set $env "RATE_LIMIT_BURST" (toString (int64 $a.rateLimit.burst)) -}}
{{- $_ := set $env "RATE_LIMIT_ANONYMOUS_PER_MINUTE" (toString (int64 $a.rateLimit.anonymousPerMinute)) -}}
{{- with $a.bootstrapAdminEmail -}}
{{- $_ := set $env "AUTH_BOOTSTRAP_ADMIN_EMAIL" . -}}
{{- end -}}
{{- end -}}
{{- if $s.mail -}}
{{- $m := $v.mail -}}
{{- $_ := set $env "MAIL_FROM_ADDRESS" $m.fromAddress -}}
{{- $_ := set $env "MAIL_FROM_NAME" $m.fromName -}}
{{- if $m.publicBaseUrl -}}
{{- $_ := set $env "PUBLIC_BASE_URL" $m.publicBaseUrl -}}
{{- else if $v.ingress.enabled -}}
{{- $_ := set $env "PUBLIC_BASE_URL" (include "itsm.publicUrl" $root) -}}
{{- end -}}
{{- end -}}
{{- with $s.inboundSmtp -}}
{{- $_ := set $env "INBOUND_SMTP_HOST" "0.0.0.0" -}}
{{- $_ := set $env "INBOUND_SMTP_PORT" (ternary (toString .port) "0" .enabled) -}}
{{- end -}}
{{- range $key, $value := $s.env -}}
{{- /* YAML numbers arrive as floats: 86400000 would become "8.64e+07" with toString. */}}
{{- if and (kindIs "float64" $value) (eq $value (float64 (int64 $value))) -}}
{{- $value = int64 $value -}}
{{- end -}}
{{- $_ := set $env $key (toString $value) -}}
{{- end -}}
{{- toYaml $env -}}
{{- end -}}

{{/*
Environment that is not in the ConfigMap (a list of EnvVar): pod identity for the telemetry
resource, and secrets referenced by key (database password, JWT secret, bootstrap password,
mail server URL and reply secret, search credentials). DATABASE_URL is composed by the kubelet
from the password variable defined just before it ($(VAR) expansion), so the password never
appears in a ConfigMap or in the pod spec.
*/}}
{{- define "itsm.podEnv" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $s := .settings -}}
- name: POD_NAME
  valueFrom: { fieldRef: { fieldPath: metadata.name } }
- name: POD_NAMESPACE
  valueFrom: { fieldRef: { fieldPath: metadata.namespace } }
- name: NODE_NAME
  valueFrom: { fieldRef: { fieldPath: spec.nodeName } }
- name: POD_UID
  valueFrom: { fieldRef: { fieldPath: metadata.uid } }
{{- /* service.instance.id tells replicas apart in traces and metrics (one series per pod). */}}
{{- $attributes := list "service.instance.id=$(POD_UID)" "k8s.pod.uid=$(POD_UID)" "k8s.pod.name=$(POD_NAME)" "k8s.namespace.name=$(POD_NAMESPACE)" "k8s.node.name=$(NODE_NAME)" (printf "service.version=%s" (include "itsm.imageTag" .)) }}
{{- range $key, $value := $v.otel.resourceAttributes }}
{{- $attributes = append $attributes (printf "%s=%v" $key $value) }}
{{- end }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ join "," $attributes | quote }}
{{- if $s.database }}
{{- $pg := $v.postgresql }}
{{- $database := index ($pg.databases | default dict) .name | default (printf "itsm_%s" (.name | replace "-" "_")) }}
- name: DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "itsm.postgresqlSecretName" $root }}
      key: {{ $pg.passwordKey }}
- name: DATABASE_URL
  value: {{ printf "postgresql://%s:$(DATABASE_PASSWORD)@%s:%v/%s%s" $pg.user $pg.host $pg.port $database (ternary (printf "?sslmode=%s" $pg.sslMode) "" (ne $pg.sslMode "")) | quote }}
{{- end }}
{{- if $s.auth }}
{{- /* One Secret for every replica: a token signed by one is accepted by all. */}}
- name: AUTH_JWT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "itsm.authSecretName" $root }}
      key: {{ $v.auth.jwtSecretKey }}
{{- if $v.auth.bootstrapAdminEmail }}
- name: AUTH_BOOTSTRAP_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "itsm.authSecretName" $root }}
      key: {{ $v.auth.bootstrapAdminPasswordKey }}
{{- end }}
{{- end }}
{{- if $s.mail }}
{{- /* One Secret for every replica: a reply signed for one is read by any. */}}
- name: SMTP_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "itsm.mailSecretName" $root }}
      key: {{ $v.mail.smtpUrlKey }}
- name: MAIL_REPLY_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "itsm.mailSecretName" $root }}
      key: {{ $v.mail.replySecretKey }}
{{- end }}
{{- if and $s.search $v.search.existingSecret }}
- name: SEARCH_USERNAME
  valueFrom:
    secretKeyRef: { name: {{ $v.search.existingSecret }}, key: {{ $v.search.usernameKey }} }
- name: SEARCH_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ $v.search.existingSecret }}, key: {{ $v.search.passwordKey }} }
{{- end }}
{{- end -}}

{{/*
Topology spread of one component's pods (.settings from itsm.settings or itsm.componentSettings):
its own constraints, else over nodes and zones when the scheduler can (never blocks scheduling).
*/}}
{{- define "itsm.topologySpreadConstraints" -}}
{{- if .settings.topologySpreadConstraints -}}
{{- toYaml .settings.topologySpreadConstraints -}}
{{- else -}}
{{- range $i, $key := list "kubernetes.io/hostname" "topology.kubernetes.io/zone" }}
{{- if $i }}{{ "\n" }}{{ end -}}
- maxSkew: 1
  topologyKey: {{ $key }}
  whenUnsatisfiable: ScheduleAnyway
  labelSelector:
    matchLabels:
      {{- include "itsm.selectorLabels" $ | nindent 6 }}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Pod-level security: non-root, RuntimeDefault seccomp (Pod Security "restricted"). */}}
{{- define "itsm.podSecurityContext" -}}
runAsNonRoot: true
# "node" in the official Node.js images.
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "itsm.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
{{- end -}}

{{/* Writable scratch space: the root filesystem is read-only, and Node may use os.tmpdir(). */}}
{{- define "itsm.tmpVolume" -}}
- name: tmp
  emptyDir:
    medium: Memory
    sizeLimit: 64Mi
{{- end -}}

{{- define "itsm.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}
