#!/usr/bin/env bash
# Stops the services and the local infrastructure (the machine's PostgreSQL keeps running).
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$ITSM_ROOT/scripts/services.sh" stop
bash "$ITSM_ROOT/deploy/local/infra.sh" down
