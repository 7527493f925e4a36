#!/usr/bin/env bash
# kpi benchmark: kpi vs DuckDB (JDBC) vs Miller on generated ad-spend and deals exports.
# See bench/README.md. Run from anywhere; paths are relative to the repository root.
#
#   bench/run.sh                 full data (10M spend rows, 5M deals), 5 runs per tool and job
#   bench/run.sh --quick         200k spend rows, 3 runs, plus the Python reference (about a minute)
#   bench/run.sh --scale 2       2x data in bench/data/x2 (4 for 4x); see also --scaling
#   bench/run.sh --scaling       kpi and DuckDB on 1x, 2x, 4x (generates up to 2.9 GB + 1.7 GB)
#   bench/run.sh --startup       20-row files, 20 runs: start-up time of each tool
#   bench/run.sh --rows N        N spend rows (N/2 deals) in bench/data/rows-N
#   options: --runs K  --jobs cac,ads  --tools kpi,duckdb,miller  --threads N (DuckDB, default 2)
#            --kpi-stand-in (use bench/compare/reference.py as "kpi", to test the plumbing)
#            --no-xmx (skip the kpi -Xmx256m run)
#   env:     KPI_CMD      command that runs kpi (default: ./kpi launcher, else java -jar target/kpi.jar)
#            KPI_XMX_CMD  command for the flat-memory run (default: java -Xmx256m -jar target/kpi.jar)
#            KPI_CONFIG   config passed to kpi with --config (default bench/kpi.yaml; empty: none)
#            KPI_EXTRA    extra arguments appended to every kpi invocation
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
BENCH=$ROOT/bench
DUCKDB_VERSION=2.0.0.1
DUCKDB_JAR=$BENCH/target/lib/duckdb_jdbc-$DUCKDB_VERSION.jar
DUCK_CLASSES=$BENCH/target/duckdb-classes
KPI_JAR=$ROOT/target/kpi.jar

quick=0 scale=1 rows= runs= jobs=cac,ads tools=kpi,duckdb,miller threads=2 stand_in=0 xmx=1 scaling=0
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=1 ;;
    --scale) scale=$2; shift ;;
    --scaling) scaling=1 ;;
    --rows) rows=$2; shift ;;
    --startup) rows=20; runs=${runs:-20} ;;
    --runs) runs=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --tools) tools=$2; shift ;;
    --threads) threads=$2; shift ;;
    --kpi-stand-in) stand_in=1 ;;
    --no-xmx) xmx=0 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$scaling" = 1 ]; then
  # kpi and DuckDB on 1x, 2x, 4x; Miller would take minutes per point and gigabytes of memory.
  args=(); [ -n "$runs" ] && args+=(--runs "$runs"); [ "$stand_in" = 1 ] && args+=(--kpi-stand-in)
  [ "$quick" = 1 ] && args+=(--quick)
  base=$BENCH/out; [ "$quick" = 1 ] && base=$BENCH/out/quick
  for s in 1 2 4; do
    echo "=================== scale ${s}x ==================="
    "$0" --scale "$s" --jobs "$jobs" --tools "${tools/,miller/}" --threads "$threads" --no-xmx "${args[@]}" || exit $?
  done
  echo "=================== scaling ==================="
  python3 "$BENCH/compare/compare.py" scaling --point "1=$base/timings.tsv" \
    --point "2=$base/x2/timings.tsv" --point "4=$base/x4/timings.tsv" | tee "$base/scaling.txt"
  exit 0
fi

if [ -n "$rows" ]; then
  DATA=$BENCH/data/rows-$rows; OUT=$BENCH/out/rows-$rows; gen_args=(--rows "$rows"); runs=${runs:-5}
elif [ "$quick" = 1 ]; then
  DATA=$BENCH/data/quick; OUT=$BENCH/out/quick; gen_args=(--rows 200000); runs=${runs:-3}
else
  DATA=$BENCH/data; OUT=$BENCH/out; gen_args=(); runs=${runs:-5}
fi
if [ "$scale" != 1 ]; then
  DATA=$DATA/x$scale; OUT=$OUT/x$scale; gen_args+=(--scale "$scale")
fi
mkdir -p "$DATA" "$OUT"
has() { [[ ",$1," == *",$2,"* ]]; }
log() { printf '\n== %s\n' "$*"; }

# ------------------------------------------------------------------ prerequisites
for cmd in java javac python3; do
  command -v $cmd >/dev/null || { echo "missing $cmd" >&2; exit 1; }
done
apt_install() { # package
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian package $1 (apt-get install -y $1)"
    apt-get install -y -qq "$1" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$1" >/dev/null 2>&1; }
  fi
}
[ -x /usr/bin/time ] || apt_install time
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install -y time" >&2; exit 1; }
if has "$tools" miller && ! command -v mlr >/dev/null; then
  apt_install miller
  command -v mlr >/dev/null || { echo "mlr not found (apt-get install -y miller): skipping Miller" >&2; tools=${tools/miller/}; }
fi

# ------------------------------------------------------------------ data
if [ ! -f "$DATA/spend.csv" ] || [ ! -f "$DATA/deals.csv" ]; then
  log "generating data in $DATA"
  java "$BENCH/gen/Generate.java" --out "$DATA" "${gen_args[@]}" || exit 1
fi
SPEND=$DATA/spend.csv DEALS=$DATA/deals.csv
echo "data: $(du -h "$SPEND" | cut -f1) $SPEND, $(du -h "$DEALS" | cut -f1) $DEALS"

# ------------------------------------------------------------------ DuckDB
if has "$tools" duckdb; then
  if [ ! -f "$DUCKDB_JAR" ]; then
    log "fetching org.duckdb:duckdb_jdbc:$DUCKDB_VERSION from Maven Central"
    mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact=org.duckdb:duckdb_jdbc:$DUCKDB_VERSION -DoutputDirectory="$BENCH/target/lib" || exit 1
  fi
  if [ ! -f "$DUCK_CLASSES/DuckBench.class" ] || [ "$BENCH/duckdb/DuckBench.java" -nt "$DUCK_CLASSES/DuckBench.class" ]; then
    mkdir -p "$DUCK_CLASSES"
    javac -d "$DUCK_CLASSES" -cp "$DUCKDB_JAR" "$BENCH/duckdb/DuckBench.java" || exit 1
  fi
  DUCK=(java -cp "$DUCK_CLASSES:$DUCKDB_JAR" DuckBench)
fi

# ------------------------------------------------------------------ kpi
kpi_jobs=
if has "$tools" kpi; then
  config=${KPI_CONFIG-$BENCH/kpi.yaml}
  kpi_opts=(); [ -n "$config" ] && kpi_opts+=(--config "$config")
  # shellcheck disable=SC2206
  [ -n "${KPI_EXTRA:-}" ] && kpi_opts+=(${KPI_EXTRA})
  if [ "$stand_in" = 1 ]; then
    KPI=(python3 "$BENCH/compare/reference.py"); kpi_opts=(--style kpi); xmx=0
    echo "kpi: STAND-IN (bench/compare/reference.py --style kpi), not the real kpi"
  else
    stale() { [ ! -f "$KPI_JAR" ] || [ -n "$(find "$ROOT/src" "$ROOT/pom.xml" -newer "$KPI_JAR" -print -quit 2>/dev/null)" ]; }
    if [ -z "${KPI_CMD:-}" ] && stale && [ -f "$ROOT/pom.xml" ]; then
      log "building kpi"
      if [ -x "$ROOT/kpi" ]; then "$ROOT/kpi" --version >/dev/null 2>&1 || true; fi
      if stale; then (cd "$ROOT" && mvn -q -B package -DskipTests) || echo "kpi build failed" >&2; fi
    fi
    if [ -n "${KPI_CMD:-}" ]; then
      read -ra KPI <<< "$KPI_CMD"
    elif [ -x "$ROOT/kpi" ]; then
      KPI=("$ROOT/kpi")
    else
      KPI=(java -jar "$KPI_JAR")
    fi
    if [ -n "${KPI_XMX_CMD:-}" ]; then read -ra KPI_XMX <<< "$KPI_XMX_CMD"; else KPI_XMX=(java -Xmx256m -jar "$KPI_JAR"); fi
    [ -f "$KPI_JAR" ] || [ -n "${KPI_CMD:-}" ] || echo "kpi: $KPI_JAR missing: skipping kpi" >&2
  fi
  for j in ${jobs//,/ }; do
    # a real '$j' command prints help naming --spend; the skeleton's Main ignores its arguments
    if [ "$stand_in" = 1 ] || { { [ -f "$KPI_JAR" ] || [ -n "${KPI_CMD:-}" ]; } &&
         "${KPI[@]}" "$j" --help 2>&1 | grep -q -- --spend; }; then
      kpi_jobs+=",$j"
    else
      echo "kpi: no working '$j' command yet ('${KPI[*]} $j --help' failed): skipping kpi $j" >&2
    fi
  done
  [ -n "$kpi_jobs" ] && echo "kpi: ${KPI[*]} (jobs:${kpi_jobs//,/ })"
fi

# ------------------------------------------------------------------ commands per tool and job
# tool labels: kpi, kpi-xmx256m, duckdb, miller, python-ref
command_for() { # tool job -> sets CMD array; returns 1 when the tool does not run this job
  local tool=$1 job=$2 jobargs
  if [ "$job" = cac ]; then
    jobargs=(cac --spend "$SPEND" --deals "$DEALS" --by channel --format csv)
  else
    jobargs=(ads --spend "$SPEND" --by campaign --format csv)
  fi
  case $tool in
    kpi)         has "$kpi_jobs" "$job" || return 1; CMD=("${KPI[@]}" "${jobargs[@]}" "${kpi_opts[@]}") ;;
    kpi-xmx256m) has "$kpi_jobs" "$job" && [ "$xmx" = 1 ] || return 1; CMD=("${KPI_XMX[@]}" "${jobargs[@]}" "${kpi_opts[@]}") ;;
    duckdb)      has "$tools" duckdb || return 1
                 if [ "$job" = cac ]; then CMD=("${DUCK[@]}" cac --spend "$SPEND" --deals "$DEALS" --threads "$threads")
                 else CMD=("${DUCK[@]}" ads --spend "$SPEND" --threads "$threads"); fi ;;
    miller)      has "$tools" miller || return 1
                 if [ "$job" = cac ]; then CMD=("$BENCH/miller/cac.sh" "$SPEND" "$DEALS")
                 else CMD=("$BENCH/miller/ads.sh" "$SPEND"); fi ;;
    python-ref)  [ "$quick" = 1 ] || return 1
                 CMD=(python3 "$BENCH/compare/reference.py" "${jobargs[@]}") ;;
  esac
}

TIMINGS=$OUT/timings.tsv RESULTS=$OUT/agreement.tsv
: > "$TIMINGS"; : > "$RESULTS"
measure() { # tool job
  local tool=$1 job=$2 t0 t1 rc rss wall
  t0=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$OUT/.rss" "${CMD[@]}" > "$OUT/$tool-$job.csv" 2> "$OUT/$tool-$job.err"
  rc=$?
  t1=$(date +%s%N)
  read -r rss user sys < <(tail -n 1 "$OUT/.rss")
  [[ $rss =~ ^[0-9]+$ ]] || { rss=0 user=0 sys=0; }
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$job" "$wall" "$rss" "$rc" "$cpu" >> "$TIMINGS"
  printf '  %-12s %-4s %8ss %7d MB  cpu %7ss  exit %s\n' "$tool" "$job" "$wall" $((rss / 1024)) "$cpu" "$rc"
  if [ "$rc" != 0 ]; then sed 's/^/      | /' "$OUT/$tool-$job.err" | tail -n 8; fi
}

all_tools=(duckdb kpi kpi-xmx256m miller python-ref)
log "printing commands"
for job in ${jobs//,/ }; do
  for tool in "${all_tools[@]}"; do
    command_for "$tool" "$job" && printf '  %-12s %s\n' "$tool" "${CMD[*]}"
  done
done

log "warming the page cache"
cat "$SPEND" "$DEALS" > /dev/null

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
load_before=$(loadavg)
log "timing: $runs run(s) per tool and job, interleaved (load average before: $load_before)"
for ((i = 1; i <= runs; i++)); do
  echo " run $i/$runs"
  for job in ${jobs//,/ }; do
    for tool in "${all_tools[@]}"; do
      if [ "$tool" = python-ref ] && [ "$i" -gt 1 ]; then continue; fi  # slow; once is enough
      command_for "$tool" "$job" && measure "$tool" "$job"
    done
  done
done

# ------------------------------------------------------------------ agreement
log "agreement (outputs in $OUT)"
status=0
for job in ${jobs//,/ }; do
  expected= actual=()
  for tool in duckdb python-ref kpi kpi-xmx256m miller; do
    command_for "$tool" "$job" >/dev/null || continue
    if [ -z "$expected" ]; then expected="$tool=$OUT/$tool-$job.csv"; else actual+=(--actual "$tool=$OUT/$tool-$job.csv"); fi
  done
  if [ -z "$expected" ] || [ ${#actual[@]} = 0 ]; then echo "[$job] fewer than two tools ran: nothing to compare"; continue; fi
  python3 "$BENCH/compare/compare.py" compare --job "$job" --expected "$expected" "${actual[@]}" \
    --sums-only miller --results "$RESULTS" || status=1
done

load_after=$(loadavg)
log "summary ($(nproc) cores, DuckDB threads=$threads, data=bench/${DATA#"$BENCH"/}, median of $runs, load average $load_before -> $load_after)"
if awk -v l="${load_before%% *}" -v m="${load_after%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n * 0.75 || m > n * 0.75) }'; then
  echo "WARNING: the machine was busy with other work (load average above 0.75 x cores): timings are inflated and noisy"
fi
python3 "$BENCH/compare/compare.py" summary --timings "$TIMINGS" --results "$RESULTS" --baseline duckdb | tee "$OUT/summary.txt"
echo "(agreement: kpi, kpi-xmx256m, python-ref on all columns; miller on sums and counts; against duckdb)"
exit $status
