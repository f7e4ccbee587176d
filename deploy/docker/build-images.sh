#!/usr/bin/env bash
# Builds the image of every service (or of the ones named) from deploy/docker/service.Dockerfile.
#
#   deploy/docker/build-images.sh [service...]
#
# Environment:
#   IMAGE_REGISTRY  prefix of the image names, e.g. registry.example.com/itsm (default: none)
#   IMAGE_TAG       tag (default: "<package.json version>-<git short sha>", or the version alone)
#   PUSH=1          push each image after building it
#   PLATFORM        target platform, e.g. linux/amd64 (default: the builder's)
#
# Images are "[$IMAGE_REGISTRY/]itsm-<service>:$IMAGE_TAG", the names the Helm chart expects
# (services.<name>.image.repository defaults to "itsm-<name>").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dockerfile="$root/deploy/docker/service.Dockerfile"

# service -> "HTTP port [gRPC port]": the same numbers as charts/itsm/values.yaml and the
# services' config defaults (charts/check.sh verifies that they agree).
declare -A ports=(
  [gateway]="3000"
  [tickets]="3101 50051"
  [sla]="3102 50052"
  [knowledge]="3103 50053"
  [routing]="3104 50054"
  [cmdb]="3105 50055"
  [notifications]="3106 50056"
)

log() { printf '[build-images] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v docker >/dev/null || die "docker is not installed"

version="$(sed -n 's/^  "version": "\([^"]*\)",\{0,1\}$/\1/p' "$root/package.json" | head -n 1)"
[ -n "$version" ] || die "no version in package.json"
if [ -z "${IMAGE_TAG:-}" ]; then
  IMAGE_TAG="$version"
  if sha="$(git -C "$root" rev-parse --short HEAD 2>/dev/null)"; then
    IMAGE_TAG="$version-$sha"
  fi
fi
prefix="${IMAGE_REGISTRY:+${IMAGE_REGISTRY%/}/}"

if [ "$#" -gt 0 ]; then
  services=("$@")
else
  mapfile -t services < <(printf '%s\n' "${!ports[@]}" | sort)
fi

# BuildKit: the Dockerfile uses RUN --mount=type=cache for the npm cache.
export DOCKER_BUILDKIT=1

for service in "${services[@]}"; do
  [ -n "${ports[$service]:-}" ] || die "unknown service '$service' (known: ${!ports[*]})"
  read -r http_port grpc_port <<<"${ports[$service]}"
  image="${prefix}itsm-${service}:${IMAGE_TAG}"
  args=(
    --file "$dockerfile"
    --build-arg "SERVICE=$service"
    --build-arg "VERSION=$version"
    --build-arg "HTTP_PORT=$http_port"
    --build-arg "GRPC_PORT=${grpc_port:-}"
    --tag "$image"
  )
  [ -z "${PLATFORM:-}" ] || args+=(--platform "$PLATFORM")
  log "building $image"
  docker build "${args[@]}" "$root"
  if [ "${PUSH:-0}" = "1" ]; then
    log "pushing $image"
    docker push "$image"
  fi
done
log "built: ${services[*]} (tag $IMAGE_TAG)"
