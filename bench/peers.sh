#!/usr/bin/env bash
# Runs outside ("peer") summarizers on the same stories as Parallax, for
# side-by-side comparison. See bench/README.md.
#
# Usage: bench/peers.sh [--data FILE] [--limit K] [--words N] [--out DIR]
#                       [--only NAME[,NAME...]] [--jobs J] [--timeout S]
#
# Peers: ots, lexrankr, lexrank, node_summarizer (all by default);
# node_summarizer_rank only when named in --only.
# Writes DIR/<peer>.jsonl ({"id", "summary": [sentence...]} a line, input
# order) and DIR/<peer>.time (wall-clock seconds, stories/second, failures).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PEERS_DIR="$BENCH_DIR/peers"

DATA="$REPO_ROOT/../shared/data/multinews-val.jsonl.gz"
LIMIT=0
WORDS=250
OUT="$BENCH_DIR/out"
ONLY=""
JOBS=2
TIMEOUT=30
ALL_PEERS="ots lexrankr lexrank node_summarizer"
EXTRA_PEERS="node_summarizer_rank" # only with --only

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

abspath() { # resolve a path the caller gave, relative to the caller's cwd
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$PWD/$1" ;;
  esac
}

while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA="$(abspath "$2")"; shift 2 ;;
    --limit) LIMIT="$2"; shift 2 ;;
    --words) WORDS="$2"; shift 2 ;;
    --out) OUT="$(abspath "$2")"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "peers.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

for v in LIMIT WORDS JOBS; do
  case "${!v}" in ''|*[!0-9]*) echo "peers.sh: --${v,,} must be a whole number" >&2; exit 2 ;; esac
done
[ "$WORDS" -gt 0 ] || { echo "peers.sh: --words must be > 0" >&2; exit 2; }
[ "$JOBS" -gt 0 ] || JOBS=1

PEERS=""
if [ -z "$ONLY" ]; then
  PEERS="$ALL_PEERS"
else
  for p in ${ONLY//,/ }; do
    case " $ALL_PEERS $EXTRA_PEERS " in
      *" $p "*) PEERS="$PEERS $p" ;;
      *) echo "peers.sh: unknown peer '$p' (known: $ALL_PEERS $EXTRA_PEERS)" >&2; exit 2 ;;
    esac
  done
fi
want() { case " $PEERS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

if [ ! -f "$DATA" ]; then
  echo "peers.sh: data file not found: $DATA" >&2
  exit 1
fi

# ------------------------------------------------------------------ install

APT_UPDATED=0
apt_install() { # packages...
  if [ "$(id -u)" -ne 0 ]; then
    echo "peers.sh: need to install $* (run as root, or install them first)" >&2
    exit 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    echo "peers.sh: apt-get update" >&2
    apt-get update -qq
    APT_UPDATED=1
  fi
  echo "peers.sh: apt-get install $*" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}
have_deb() { dpkg -s "$1" >/dev/null 2>&1; }

missing=()
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
if want ots && ! command -v ots >/dev/null 2>&1; then missing+=(ots); fi
if want lexrankr; then
  have_deb r-cran-lexrankr || missing+=(r-cran-lexrankr)
  have_deb r-cran-jsonlite || missing+=(r-cran-jsonlite)
fi
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

if want lexrank || want node_summarizer || want node_summarizer_rank; then
  # npm ci from the committed lockfile; redone only when the lockfile changes.
  stamp="$PEERS_DIR/node_modules/.parallax-lock.sha256"
  want_sum="$(sha256sum "$PEERS_DIR/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want_sum" ]; then
    echo "peers.sh: npm ci in bench/peers" >&2
    (cd "$PEERS_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
    printf '%s\n' "$want_sum" >"$stamp"
  fi
fi

# ------------------------------------------------------------------ versions

deb_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo none; }
npm_version() { # package dir under bench/peers/node_modules
  node -p "require('$PEERS_DIR/node_modules/$1/package.json').version" 2>/dev/null || echo none
}
version_note() {
  case "$1" in
    ots) echo "ots=$(deb_version ots),libots0=$(deb_version libots0)" ;;
    lexrankr) echo "r-cran-lexrankr=$(deb_version r-cran-lexrankr),r-cran-jsonlite=$(deb_version r-cran-jsonlite),r-cran-igraph=$(deb_version r-cran-igraph),r-cran-snowballc=$(deb_version r-cran-snowballc),r-base-core=$(deb_version r-base-core)" ;;
    lexrank) echo "lexrank=$(npm_version lexrank),natural=$(npm_version natural),sentence-tokenizer=$(npm_version sentence-tokenizer),wuzzy=$(npm_version wuzzy),node=$(node --version)" ;;
    node_summarizer|node_summarizer_rank) echo "node-summarizer=$(npm_version node-summarizer),natural=$(npm_version node-summarizer/node_modules/natural),wordpos=$(npm_version wordpos),node=$(node --version)" ;;
  esac
}

mkdir -p "$OUT"
echo "peers.sh: data $DATA, limit $LIMIT (0 = all), words $WORDS, out $OUT, jobs $JOBS, timeout ${TIMEOUT}s" >&2
for p in $PEERS; do
  echo "peers.sh: version $p: $(version_note "$p")" >&2
done

# ------------------------------------------------------------------ run

common_args=(--data "$DATA" --limit "$LIMIT" --words "$WORDS" --out "$OUT" --jobs "$JOBS" --timeout "$TIMEOUT")
# CPU seconds (user + system) of everything a peer ran, from the shell's own
# children counters (the `times` builtin, no subshell), added to its .time
# file next to the wall-clock time: on a busy machine wall-clock time says
# more about the machine than about the peer.
# Sets CHILDREN_CPU; must run in this shell, not in a $(...) subshell.
children_cpu() {
  times >"$OUT/.times.$$"
  CHILDREN_CPU="$(tail -n 1 "$OUT/.times.$$" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }')"
  rm -f "$OUT/.times.$$"
}

run_peer() {
  local p="$1" note
  note="$(version_note "$p")"
  case "$p" in
    ots)
      node "$PEERS_DIR/ots.js" "${common_args[@]}" --version-note "$note" ;;
    lexrank)
      node "$PEERS_DIR/lexrank.js" "${common_args[@]}" --version-note "$note" ;;
    node_summarizer)
      node "$PEERS_DIR/node_summarizer.js" "${common_args[@]}" --version-note "$note" ;;
    node_summarizer_rank)
      node "$PEERS_DIR/node_summarizer.js" --method rank "${common_args[@]}" --version-note "$note" ;;
    lexrankr)
      node "$PEERS_DIR/lexrankr.js" "${common_args[@]}" --version-note "$note" ;;
  esac
}

status=0
for p in $PEERS; do
  echo "peers.sh: running $p" >&2
  children_cpu
  cpu0="$CHILDREN_CPU"
  if run_peer "$p"; then
    children_cpu
    cpu="$(awk -v a="$cpu0" -v b="$CHILDREN_CPU" 'BEGIN { printf "%.2f", b - a }')"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    printf 'cpu_seconds %s\nloadavg_at_end %s\n' "$cpu" "${load// /,}" >>"$OUT/$p.time"
    echo "peers.sh: $p used $cpu CPU seconds; load average at the end $load (2 cores)" >&2
  else
    status=1
  fi
done
exit "$status"
