#!/usr/bin/env bash
# Provisions the binaries of a local Kubernetes control plane (kube-apiserver,
# kube-controller-manager, kube-scheduler, kubectl, etcd, kwok, kwokctl) into a per-user
# cache keyed by version, and prints the directory that holds them on stdout (last line).
#
# Order of preference, per binary:
#   1. an environment variable naming it (MIZZEN_KUBE_APISERVER, MIZZEN_KUBE_CONTROLLER_MANAGER,
#      MIZZEN_KUBE_SCHEDULER, MIZZEN_KUBECTL, MIZZEN_ETCD, MIZZEN_KWOK, MIZZEN_KWOKCTL);
#   2. a directory of ready binaries, MIZZEN_CONTROL_PLANE_BIN;
#   3. the cache, built from source through the Go module proxy on first use
#      (tens of minutes on 2 cores; seconds afterwards).
#
# Progress goes to stderr, with the time each step took. Idempotent: safe to run any time.
set -euo pipefail

# Versions: one source of truth, shared with the Java side (ControlPlaneBinaries).
VERSIONS="$(cd "$(dirname "$0")/.." && pwd)/testkit/cluster/src/main/resources/dev/mizzen/testkit/cluster/control-plane.properties"
version_of() { sed -n "s/^$1=//p" "$VERSIONS"; }
K8S_VERSION="${MIZZEN_K8S_VERSION:-$(version_of kubernetes)}"
ETCD_VERSION="${MIZZEN_ETCD_VERSION:-$(version_of etcd)}"
KWOK_VERSION="${MIZZEN_KWOK_VERSION:-$(version_of kwok)}"
GO_MIN="1.24"

CACHE_ROOT="${MIZZEN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mizzen}"
KEY="k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}"
OUT="$CACHE_ROOT/control-plane/$KEY"
BIN="$OUT/bin"
WORK="$OUT/work"

log() { printf '[provision] %s\n' "$*" >&2; }
die() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }

step() {  # step NAME CMD... : runs CMD, reports its duration, keeps its log
  local name="$1"; shift
  local logfile="$WORK/${name// /-}.log"
  local start=$SECONDS
  log "$name ..."
  if ! "$@" >"$logfile" 2>&1; then
    tail -n 40 "$logfile" >&2 || true
    die "$name failed after $((SECONDS - start))s; full log: $logfile"
  fi
  log "$name done in $((SECONDS - start))s"
}

K8S_TOOLS=(kube-apiserver kube-controller-manager kube-scheduler kubectl)
ALL_TOOLS=("${K8S_TOOLS[@]}" etcd kwok kwokctl)

env_name() { local t="${1//-/_}"; printf 'MIZZEN_%s' "${t^^}"; }

# 1 + 2: binaries supplied by the caller.
mkdir -p "$BIN" "$WORK"
for tool in "${ALL_TOOLS[@]}"; do
  var="$(env_name "$tool")"
  given="${!var:-}"
  if [[ -z "$given" && -n "${MIZZEN_CONTROL_PLANE_BIN:-}" && -x "$MIZZEN_CONTROL_PLANE_BIN/$tool" ]]; then
    given="$MIZZEN_CONTROL_PLANE_BIN/$tool"
  fi
  if [[ -n "$given" ]]; then
    [[ -x "$given" ]] || die "$var names '$given', which is not an executable file"
    ln -sfn "$(readlink -f "$given")" "$BIN/$tool"
    log "using supplied $tool: $given"
  fi
done

missing() { local t; for t in "$@"; do [[ -x "$BIN/$t" ]] || { echo yes; return; }; done; }

if [[ -z "$(missing "${ALL_TOOLS[@]}")" ]]; then
  log "all binaries present in $BIN"
  echo "$BIN"
  exit 0
fi

# 3: build what is missing from source.
command -v go >/dev/null 2>&1 || die "Go is not installed. Install Go >= $GO_MIN (https://go.dev/dl/), or set MIZZEN_CONTROL_PLANE_BIN to a directory holding ${ALL_TOOLS[*]}."
go_version="$(go env GOVERSION | sed 's/^go//')"
if [[ "$(printf '%s\n%s\n' "$GO_MIN" "$go_version" | sort -V | head -n1)" != "$GO_MIN" ]]; then
  die "Go $go_version is older than $GO_MIN, which Kubernetes ${K8S_VERSION} needs. Upgrade Go, or set MIZZEN_CONTROL_PLANE_BIN."
fi
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false
log "building missing binaries with Go $go_version into $BIN (first run only; this takes a while)"

if [[ -n "$(missing kwok kwokctl)" ]]; then
  step "build kwok ${KWOK_VERSION}" env GOBIN="$BIN" go install -trimpath -ldflags "-s -w" \
    "sigs.k8s.io/kwok/cmd/kwok@${KWOK_VERSION}" "sigs.k8s.io/kwok/cmd/kwokctl@${KWOK_VERSION}"
fi

if [[ -n "$(missing etcd)" ]]; then
  mod="$WORK/etcd"
  mkdir -p "$mod"
  cat >"$mod/go.mod" <<MOD
module mizzen.local/etcd

go 1.23.0

require go.etcd.io/etcd/server/v3 ${ETCD_VERSION}
MOD
  cat >"$mod/main.go" <<'GO'
// Command etcd starts an etcd server; a wrapper because the server module's own go.mod
// carries replace directives, which `go install` refuses.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  step "resolve etcd ${ETCD_VERSION}" bash -c "cd '$mod' && go mod tidy"
  step "build etcd ${ETCD_VERSION}" bash -c "cd '$mod' && go build -trimpath -ldflags '-s -w' -o '$BIN/etcd' ."
fi

if [[ -n "$(missing "${K8S_TOOLS[@]}")" ]]; then
  mod="$WORK/kubernetes"
  mkdir -p "$mod"
  staging_version="v0.${K8S_VERSION#v1.}"
  upstream_mod="$(curl -fsSL "${GOPROXY_BASE:-https://proxy.golang.org}/k8s.io/kubernetes/@v/${K8S_VERSION}.mod" 2>/dev/null)" \
    || upstream_mod="$(cd "$mod" && GOFLAGS=-mod=mod go mod download -json "k8s.io/kubernetes@${K8S_VERSION}" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p' | xargs cat)" \
    || die "could not read go.mod of k8s.io/kubernetes ${K8S_VERSION} from the Go module proxy"
  godebug="$(grep -E '^godebug ' <<<"$upstream_mod" || true)"
  replaces="$(grep -oE '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' <<<"$upstream_mod" | awk -v v="$staging_version" '{print "\t" $1 " => " $1 " " v}')"
  [[ -n "$replaces" ]] || die "found no staging modules in the go.mod of k8s.io/kubernetes ${K8S_VERSION}"
  cat >"$mod/go.mod" <<MOD
module mizzen.local/kubernetes

go 1.24.0

$godebug

require k8s.io/kubernetes ${K8S_VERSION}

replace (
$replaces
)
MOD
  {
    echo '//go:build tools'
    echo
    echo '// Package tools pins the Kubernetes commands this module builds.'
    echo 'package tools'
    echo
    echo 'import ('
    for t in "${K8S_TOOLS[@]}"; do echo "	_ \"k8s.io/kubernetes/cmd/$t\""; done
    echo ')'
  } >"$mod/tools.go"
  minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
  ldflags="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=${K8S_VERSION} -X $pkg.gitMajor=1 -X $pkg.gitMinor=${minor}"
    ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  step "resolve kubernetes ${K8S_VERSION}" bash -c "cd '$mod' && go mod tidy"
  pkgs=(); for t in "${K8S_TOOLS[@]}"; do pkgs+=("k8s.io/kubernetes/cmd/$t"); done
  step "build ${K8S_TOOLS[*]} ${K8S_VERSION}" bash -c "cd '$mod' && go build -trimpath -ldflags '$ldflags' -o '$BIN/' ${pkgs[*]}"
fi

[[ -z "$(missing "${ALL_TOOLS[@]}")" ]] || die "binaries still missing in $BIN after the build"
log "all binaries ready in $BIN"
echo "$BIN"
