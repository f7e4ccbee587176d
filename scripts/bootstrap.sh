#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine (Debian packages, npm dependencies).
# Safe to run again: it only installs what is missing.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bootstrap
log "bootstrap complete (node $(node --version))"
