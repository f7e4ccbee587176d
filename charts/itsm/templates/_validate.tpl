{{/*
Checks across values that values.schema.json cannot express (they depend on which services
are enabled). Called once, from deployment.yaml.
*/}}
{{- define "itsm.validate" -}}
{{- $v := .Values -}}
{{- $enabled := include "itsm.enabledServices" . | fromJsonArray -}}
{{- if not $enabled -}}
{{- fail "no service is enabled: set services.<name>.enabled" -}}
{{- end -}}
{{- if and $v.ingress.enabled (not (has $v.ingress.service $enabled)) -}}
{{- fail (printf "ingress.service %q is not an enabled service" $v.ingress.service) -}}
{{- end -}}
{{- range $name := $enabled -}}
{{- $s := include "itsm.settings" (dict "root" $ "name" $name) | fromYaml -}}
{{- if and $s.database (not (or $v.postgresql.existingSecret $v.postgresql.password)) -}}
{{- fail (printf "services.%s uses the database: set postgresql.existingSecret (or postgresql.password for development)" $name) -}}
{{- end -}}
{{- if and $s.migrations (not $s.database) -}}
{{- fail (printf "services.%s.migrations needs database: true" $name) -}}
{{- end -}}
{{- if and $s.autoscaling.enabled (gt (int64 $s.autoscaling.minReplicas) (int64 $s.autoscaling.maxReplicas)) -}}
{{- fail (printf "services.%s.autoscaling: minReplicas is greater than maxReplicas" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
