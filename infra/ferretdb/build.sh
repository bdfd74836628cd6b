#!/usr/bin/env bash
# Builds infra/ferretdb/bin/ferretdb: FerretDB 1.x (MongoDB wire protocol over SQLite) embedded in
# our own tiny main.go, from the Go module proxy with the versions pinned in go.mod/go.sum.
# Idempotent: does nothing when the binary is newer than its sources. With cold Go module and build
# caches it takes about 80 s on 2 cores (10 s of downloads); afterwards it is a no-op.
#   infra/ferretdb/build.sh [--force]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$here/bin/ferretdb"

if ! command -v go > /dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="/usr/local/go/bin:$PATH"; fi
if ! command -v go > /dev/null 2>&1; then
  echo "ferretdb/build.sh: Go is not installed (needs Go >= 1.24 to build FerretDB)" >&2
  exit 1
fi

up_to_date() {
  [ -x "$binary" ] || return 1
  for source in main.go go.mod go.sum build.sh; do
    [ "$binary" -nt "$here/$source" ] || return 1
  done
}

if [ "${1:-}" != "--force" ] && up_to_date; then
  echo "ferretdb: $binary is up to date"
  exit 0
fi

echo "ferretdb: building $binary ($(go version | awk '{print $3}'); about 80 s with cold Go caches)"
started=$SECONDS
mkdir -p "$here/bin"
cd "$here"
# No PostgreSQL backend: the SQLite one is all the specs need, and it halves what is compiled.
# -mod=readonly: go.mod/go.sum are the pins, never rewritten by a build.
go build -mod=readonly -trimpath -buildvcs=false -tags ferretdb_no_postgresql -o "$binary.tmp" .
mv "$binary.tmp" "$binary"
echo "ferretdb: built in $((SECONDS - started)) s"
