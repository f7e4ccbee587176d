# syntax=docker/dockerfile:1
#
# The one image recipe for every NestJS service of the monorepo. The services differ only in
# their name and ports, so they share this file instead of keeping copies that drift apart:
#
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=tickets \
#     --build-arg HTTP_PORT=3101 --build-arg GRPC_PORT=50051 -t itsm-tickets .
#
# deploy/docker/build-images.sh and skaffold.yaml pass these arguments for each service.

# Debian (glibc) rather than Alpine: Nx's native binary and protoc match the development
# machines (Debian 12), so the contracts check in the build stage sees the same protoc output.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_SKIP_NX_CACHE=true \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# Production dependencies only: the webpack bundle keeps npm packages external, so the image
# needs them beside main.js. No install scripts: nothing in "dependencies" needs one.
FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --ignore-scripts

FROM base AS build
# protoc and the well-known types: the contracts build checks that the committed generated
# code matches proto/ (scripts/generate-contracts.sh --check).
RUN apt-get update \
 && apt-get install -y --no-install-recommends protobuf-compiler libprotobuf-dev \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# --ignore-scripts skips the devDependency "node"'s preinstall, which would download a second
# Node 24 that this image already has (no other build tool needs its install script).
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts
COPY . .
ARG SERVICE
RUN test -n "${SERVICE}" || { echo 'build with --build-arg SERVICE=<name>' >&2; exit 1; }
RUN npx nx run "${SERVICE}:build" --outputStyle=static

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG VERSION=0.0.0-dev
# The service's HTTP port (health, and the public API for the gateway); the config schema of
# each service has the same default, and the HEALTHCHECK reads it from the environment.
ARG HTTP_PORT=3000
# gRPC port for services that serve gRPC; empty for the others (EXPOSE then skips it).
ARG GRPC_PORT=""
LABEL org.opencontainers.image.title="itsm-${SERVICE}" \
      org.opencontainers.image.description="ITSM platform service: ${SERVICE}" \
      org.opencontainers.image.version="${VERSION}"
ENV NODE_ENV=production \
    HTTP_PORT=${HTTP_PORT} \
    OTEL_SERVICE_NAME=${SERVICE}
WORKDIR /app
# Files stay owned by root and the process runs as "node": the app cannot change its own code,
# and it writes nothing at run time, so the container runs with a read-only root filesystem.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/services/${SERVICE}/ ./
USER node
EXPOSE ${HTTP_PORT} ${GRPC_PORT}
# Node itself probes: the slim image has neither curl nor wget.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# node is PID 1: the services handle SIGTERM themselves (stop being ready, drain, close).
# `docker run <image> migrate` runs the migrations of services that have them.
ENTRYPOINT ["node", "--enable-source-maps", "main.js"]
