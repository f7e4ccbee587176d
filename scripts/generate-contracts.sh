#!/usr/bin/env bash
# Generates TypeScript from proto/ with ts-proto (NestJS mode) into libs/contracts/src/generated.
#   generate-contracts.sh          regenerate in place
#   generate-contracts.sh --check  fail if the committed generated code is stale
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_apt_packages protobuf-compiler libprotobuf-dev

target="$ITSM_ROOT/libs/contracts/src/generated"
mode="${1:-write}"
out="$target"
if [ "$mode" = "--check" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

cd "$ITSM_ROOT/proto" || exit 1
mapfile -t protos < <(find itsm -name '*.proto' | sort)
[ "$mode" = "--check" ] || { rm -rf "$target"; mkdir -p "$target"; }
protoc \
  --plugin="protoc-gen-ts_proto=$ITSM_ROOT/node_modules/.bin/protoc-gen-ts_proto" \
  --ts_proto_out="$out" \
  --ts_proto_opt=nestJs=true,addGrpcMetadata=true,stringEnums=true,useDate=false,forceLong=number,useOptionals=none,outputJsonMethods=true,outputEncodeMethods=false,outputPartialMethods=false,exportCommonSymbols=false,esModuleInterop=true,useExactTypes=false \
  -I . -I /usr/include \
  "${protos[@]}"
# The header names the protoc version of the machine that generated it; drop it so output is reproducible.
find "$out" -name '*.ts' -exec sed -i '/^\/\/ versions:$/,/^\/\/ source:/{/^\/\/ source:/!d}' {} +

if [ "$mode" = "--check" ]; then
  if ! diff -r "$target" "$out" >/dev/null; then
    diff -r "$target" "$out" | head -40 >&2 || true
    die "libs/contracts/src/generated is stale: run 'npm run generate' and commit the result"
  fi
  log "generated contracts are up to date"
else
  log "generated contracts in libs/contracts/src/generated"
fi
