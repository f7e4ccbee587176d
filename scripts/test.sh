#!/usr/bin/env bash
# Runs every check: contracts, lint, typecheck, unit tests, then integration and e2e tests
# against the real PostgreSQL, Kafka and OpenSearch (started here if they are not running).
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ITSM_ROOT" || exit 1
export NX_DAEMON=false NX_TUI=false CI="${CI:-false}"

results="$ITSM_STATE_DIR/test-output.log"
mkdir -p "$ITSM_STATE_DIR"
: >"$results"
step() {
  log "── $1"
  shift
  "$@" 2>&1 | tee -a "$results"
}

bootstrap
step "generated contracts are current, proto lint" nx run-many -t check-generated proto-lint --output-style=static
ensure_apt_packages shellcheck
step "shell scripts" shellcheck -x scripts/*.sh deploy/local/infra.sh .ci/run
step "formatting" prettier --check . --log-level warn
step "lint, typecheck, unit tests" nx run-many -t lint typecheck test --output-style=static
step "infrastructure" bash deploy/local/infra.sh up
step "build" nx run-many -t build --output-style=static
step "integration tests" nx run-many -t test:integration --output-style=static
step "e2e tests" nx run e2e:e2e --output-style=static
step "Helm chart and Dockerfiles" bash charts/check.sh

# One closing line over every Jest run and the chart checks above.
summaries=$(sed 's/\x1b\[[0-9;]*m//g' "$results" | grep -E '^(Tests|charts): ')
passed=$(grep -Eo '[0-9]+ passed' <<<"$summaries" | awk '{s += $1} END {print s + 0}')
failed=$(grep -Eo '[0-9]+ failed' <<<"$summaries" | awk '{s += $1} END {print s + 0}')
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
