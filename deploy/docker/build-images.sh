#!/usr/bin/env bash
# Builds the image of every service from deploy/docker/service.Dockerfile and the web app's from
# deploy/docker/web.Dockerfile (or the images named).
#
#   deploy/docker/build-images.sh [service|web...]
#
# Environment:
#   IMAGE_REGISTRY  prefix of the image names, e.g. registry.example.com/itsm (default: none)
#   IMAGE_TAG       tag (default: "<package.json version>-<git short sha>", or the version alone)
#   PUSH=1          push each image after building it
#   PLATFORM        target platform, e.g. linux/amd64 (default: the builder's)
#
# Images are "[$IMAGE_REGISTRY/]itsm-<name>:$IMAGE_TAG", the names the Helm chart expects
# (services.<name>.image.repository defaults to "itsm-<name>", web.image.repository to "itsm-web").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dockerfile="$root/deploy/docker/service.Dockerfile"
# The web app: static files in nginx, no ports to pass (context: web.Dockerfile.dockerignore).
web_dockerfile="$root/deploy/docker/web.Dockerfile"

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
  names=("$@")
else
  mapfile -t names < <(printf '%s\n' "${!ports[@]}" web | sort)
fi

# BuildKit: the Dockerfiles use RUN --mount=type=cache for the npm cache, and only BuildKit reads
# web.Dockerfile.dockerignore.
export DOCKER_BUILDKIT=1

for name in "${names[@]}"; do
  image="${prefix}itsm-${name}:${IMAGE_TAG}"
  if [ "$name" = web ]; then
    args=(
      --file "$web_dockerfile"
      --build-arg "VERSION=$version"
      --tag "$image"
    )
  else
    [ -n "${ports[$name]:-}" ] || die "unknown image '$name' (known: ${!ports[*]} web)"
    read -r http_port grpc_port <<<"${ports[$name]}"
    args=(
      --file "$dockerfile"
      --build-arg "SERVICE=$name"
      --build-arg "VERSION=$version"
      --build-arg "HTTP_PORT=$http_port"
      --build-arg "GRPC_PORT=${grpc_port:-}"
      --tag "$image"
    )
  fi
  [ -z "${PLATFORM:-}" ] || args+=(--platform "$PLATFORM")
  log "building $image"
  docker build "${args[@]}" "$root"
  if [ "${PUSH:-0}" = "1" ]; then
    log "pushing $image"
    docker push "$image"
  fi
done
log "built: ${names[*]} (tag $IMAGE_TAG)"
