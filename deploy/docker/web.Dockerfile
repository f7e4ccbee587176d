# syntax=docker/dockerfile:1
#
# The image of the web app (services/web): its Vite build served as static files by nginx. In
# Kubernetes it runs in a Deployment of its own behind the Ingress ("/"), while the gateway keeps
# the API ("/api"); in local runs the gateway serves the same files itself (WEB_ROOT).
#
#   docker build -f deploy/docker/web.Dockerfile -t itsm-web .
#
# BuildKit takes the build context's filter from web.Dockerfile.dockerignore beside this file
# instead of the root .dockerignore: only what the web build reads is sent, so a change to a
# service does not rebuild this image. deploy/docker/build-images.sh and skaffold.yaml build it.

# The same Node as the service images (deploy/docker/service.Dockerfile) and the development
# machines, so the bundle is the one `nx run web:build` makes there.
ARG NODE_IMAGE=node:24-bookworm-slim
# nginx built to run as an unprivileged user (uid 101) on an unprivileged port. Pinned to a
# minor version; pass a digest in NGINX_IMAGE for byte-for-byte reproducible images.
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:1.29-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_SKIP_NX_CACHE=true \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
COPY package.json package-lock.json ./
# --ignore-scripts skips the devDependency "node"'s preinstall, which would download a second
# Node 24 that this image already has; Vite's native bundler comes as an optional dependency
# and needs no install script.
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts
COPY . .
RUN npx nx run web:build --outputStyle=static

FROM ${NGINX_IMAGE} AS runtime
ARG VERSION=0.0.0-dev
LABEL org.opencontainers.image.title="itsm-web" \
      org.opencontainers.image.description="ITSM platform web app: portal and agent console" \
      org.opencontainers.image.version="${VERSION}"
# Files stay owned by root and nginx runs as uid 101: it can read them, not change them, and it
# writes only under /tmp (web-nginx.conf), so the root filesystem can be read-only.
COPY deploy/docker/web-nginx.conf /etc/nginx/nginx.conf
COPY --from=build /app/dist/services/web/ /srv/web/
USER 101:101
EXPOSE 8080
# busybox wget, which every Alpine image has.
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
# SIGQUIT is nginx's graceful stop (finish the requests in flight); containerd and CRI-O send an
# image's STOPSIGNAL, so Kubernetes stops the pod this way too.
STOPSIGNAL SIGQUIT
# nginx is PID 1, in the foreground, without the base image's entrypoint scripts: they rewrite
# files under /etc/nginx at start, which a read-only root filesystem refuses.
ENTRYPOINT ["nginx", "-g", "daemon off;"]
