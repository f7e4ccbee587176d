#!/usr/bin/env bash
# Seeds a living demo service desk through the public API (tools/demo-seed): accounts to sign in
# with (an employee, a customer, the 1st and 2nd line, a supervisor, the service desk manager;
# password $ITSM_DEMO_PASSWORD, else demo-password-2026), a service catalog with forms, and a few
# hundred incidents, service requests (many ordered from the catalog), problems and changes in
# Russian and English, worked on by agents over the past weeks, with ratings, relations and
# shared queues. Every ticket has a fixed Idempotency-Key and catalog entries and accounts are
# found by name and email, so running it again creates nothing new.
# It signs in as the administrator scripts/services.sh bootstraps (ITSM_ADMIN_EMAIL, and
# ITSM_ADMIN_PASSWORD, else the password in $ITSM_STATE_DIR/admin-password), seeds with an API key
# of the service account demo-seed made for the run, and revokes the key at the end.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ITSM_ROOT" || exit 1
export ITSM_API_URL="${ITSM_API_URL:-http://127.0.0.1:3000}"
export ITSM_ADMIN_EMAIL="${ITSM_ADMIN_EMAIL:-admin@itsm.local}"
if [ -z "${ITSM_ADMIN_PASSWORD:-}" ]; then
  admin_password_file="$ITSM_STATE_DIR/admin-password"
  [ -s "$admin_password_file" ] ||
    die "no administrator password: set ITSM_ADMIN_PASSWORD or start the services first (scripts/services.sh writes $admin_password_file)"
  ITSM_ADMIN_PASSWORD="$(cat "$admin_password_file")"
fi
export ITSM_ADMIN_PASSWORD

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
