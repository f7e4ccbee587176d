#!/usr/bin/env bash
# Seeds a few demo tickets through the public API. Each has a fixed Idempotency-Key,
# so running it again creates nothing new.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
API="${ITSM_API_URL:-http://127.0.0.1:3000}/api/v1/tickets"

seed() {
  local key="$1" body="$2"
  curl -fsS -o /dev/null -X POST "$API" -H 'content-type: application/json' -H "Idempotency-Key: demo-$key" -d "$body" ||
    die "seeding demo ticket $key failed"
}

seed vpn '{"type":"incident","title":"VPN does not connect from home","description":"Times out after the second factor.","impact":"medium","urgency":"high","channel":"portal","requesterId":"emp-1001"}'
seed mail '{"type":"incident","title":"Не приходит почта в Outlook","description":"С утра новые письма не появляются.","impact":"high","urgency":"high","channel":"email","requesterId":"emp-1002"}'
seed laptop '{"type":"service_request","title":"New laptop for a new hire","description":"Starts on Monday, standard developer set-up.","impact":"low","urgency":"medium","channel":"portal","requesterId":"emp-1003"}'
seed access '{"type":"service_request","title":"Доступ к 1С: Бухгалтерия","description":"Нужен доступ на чтение для нового сотрудника.","impact":"low","urgency":"low","channel":"web_form","requesterId":"emp-1004","organizationId":"org-finance"}'
log "demo tickets seeded"
