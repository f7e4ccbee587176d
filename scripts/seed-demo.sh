#!/usr/bin/env bash
# Seeds a living demo service desk through the public API (tools/demo-seed): a service catalog
# with forms, and a few hundred incidents, service requests (many ordered from the catalog),
# problems and changes in Russian and English, worked on by agents over the past weeks, with
# ratings, relations and shared queues. Every ticket has a fixed Idempotency-Key and catalog
# entries are found by name, so running it again creates nothing new.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ITSM_ROOT" || exit 1
export ITSM_API_URL="${ITSM_API_URL:-http://127.0.0.1:3000}"

build_log="$ITSM_STATE_DIR/logs/demo-seed-build.log"
mkdir -p "$(dirname "$build_log")"
# Nx rebuilds only when the seeder changed since the last build; otherwise this is instant.
if ! NX_DAEMON=false nx run demo-seed:build --output-style=static >"$build_log" 2>&1; then
  tail -n 30 "$build_log" >&2
  die "building the demo seeder failed (see $build_log)"
fi

log "seeding the demo service desk through $ITSM_API_URL"
summary="$(node --enable-source-maps dist/tools/demo-seed/main.js)" || die "seeding the demo failed"
log "$summary"
