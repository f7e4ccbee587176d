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
{{- if $v.web.enabled -}}
{{- if hasKey $v.services "web" -}}
{{- fail "services.web: \"web\" is the web app's (web.enabled), whose objects have the same names; name the service otherwise" -}}
{{- end -}}
{{- range $v.ingress.paths -}}
{{- if eq (trimSuffix "/" .path) "" -}}
{{- fail "ingress.paths: \"/\" is the web app's while web.enabled; give the gateway its own paths (/api)" -}}
{{- end -}}
{{- end -}}
{{- if and $v.web.autoscaling.enabled (gt (int64 $v.web.autoscaling.minReplicas) (int64 $v.web.autoscaling.maxReplicas)) -}}
{{- fail "web.autoscaling: minReplicas is greater than maxReplicas" -}}
{{- end -}}
{{- end -}}
{{- range $name := $enabled -}}
{{- $s := include "itsm.settings" (dict "root" $ "name" $name) | fromYaml -}}
{{- if and $s.database (not (or $v.postgresql.existingSecret $v.postgresql.password)) -}}
{{- fail (printf "services.%s uses the database: set postgresql.existingSecret (or postgresql.password for development)" $name) -}}
{{- end -}}
{{- if $s.auth -}}
{{- if not (or $v.auth.existingSecret $v.auth.jwtSecret) -}}
{{- fail (printf "services.%s signs access tokens: set auth.existingSecret (or auth.jwtSecret, at least 32 characters, for development)" $name) -}}
{{- end -}}
{{- if and $v.auth.bootstrapAdminEmail (not $v.auth.existingSecret) (not $v.auth.bootstrapAdminPassword) -}}
{{- fail "auth.bootstrapAdminEmail needs a password: auth.bootstrapAdminPasswordKey in auth.existingSecret (or auth.bootstrapAdminPassword for development)" -}}
{{- end -}}
{{- end -}}
{{- range $key := list "AUTH_JWT_SECRET" "AUTH_BOOTSTRAP_ADMIN_PASSWORD" -}}
{{- if hasKey ($s.env | default dict) $key -}}
{{- fail (printf "services.%s.env.%s would put a secret in a ConfigMap: use auth.existingSecret" $name $key) -}}
{{- end -}}
{{- end -}}
{{- if $s.mail -}}
{{- if not (or $v.mail.existingSecret (and $v.mail.replySecret $v.mail.smtpUrl)) -}}
{{- fail (printf "services.%s sends email: set mail.existingSecret (or mail.smtpUrl and mail.replySecret, at least 32 characters, for development)" $name) -}}
{{- end -}}
{{- end -}}
{{- range $key := list "SMTP_URL" "MAIL_REPLY_SECRET" -}}
{{- if hasKey ($s.env | default dict) $key -}}
{{- fail (printf "services.%s.env.%s would put a secret in a ConfigMap: use mail.existingSecret" $name $key) -}}
{{- end -}}
{{- end -}}
{{- with $s.inboundSmtp -}}
{{- if and .enabled (has (int64 .port) (list (int64 $s.httpPort) (int64 ($s.grpcPort | default 0)))) -}}
{{- fail (printf "services.%s.inboundSmtp.port %v is already its HTTP or gRPC port" $name .port) -}}
{{- end -}}
{{- end -}}
{{- if and $s.migrations (not $s.database) -}}
{{- fail (printf "services.%s.migrations needs database: true" $name) -}}
{{- end -}}
{{- if and $s.autoscaling.enabled (gt (int64 $s.autoscaling.minReplicas) (int64 $s.autoscaling.maxReplicas)) -}}
{{- fail (printf "services.%s.autoscaling: minReplicas is greater than maxReplicas" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}
