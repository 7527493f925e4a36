#!/usr/bin/env bash
# kpi cvr and kpi funnel on a large HubSpot-style contacts export and its deals (see bench/gen/GenerateLeads.java).
#
#   bench/cvr.sh              5,000,000 contacts (about 1.1 GB) and their ~400,000 deals, generated once into bench/data/cvr/
#   bench/cvr.sh 200000       a smaller run
#   env: KPI_JAR       the jar to run (default target/kpi.jar, built with mvn -q -B package -DskipTests when missing)
#        KPI_JAVA_OPTS extra JVM flags, e.g. -Xmx2g
#
# Prints, per command: wall time, throughput (input rows / wall second, contacts + deals), peak RSS and CPU
# seconds (user + sys, steadier than wall time on a busy machine), as measured by GNU time
# (/usr/bin/time -f '%e s %M KB %U %S').
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=${1:-5000000}
DATA=$ROOT/bench/data/cvr
LEADS=$DATA/contacts_$ROWS.csv
DEALS=$DATA/deals_$ROWS.csv
JAR=${KPI_JAR:-$ROOT/target/kpi.jar}

[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install -y time" >&2; exit 1; }
if [ ! -s "$LEADS" ] || [ ! -s "$DEALS" ]; then
  echo "== generating $ROWS contacts and their deals into $DATA"
  java "$ROOT/bench/gen/GenerateLeads.java" "$LEADS" "$ROWS" "$DEALS"
fi
if [ ! -f "$JAR" ]; then
  echo "== building $JAR"
  (cd "$ROOT" && mvn -q -B package -DskipTests)
fi

leads=$(( $(wc -l < "$LEADS") - 1 ))
deals=$(( $(wc -l < "$DEALS") - 1 ))
echo "== input: $leads contacts ($(du -h "$LEADS" | cut -f1)), $deals deals ($(du -h "$DEALS" | cut -f1)); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # label rows -- kpi arguments
  local label=$1 rows=$2; shift 3
  local t; t=$(mktemp)
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e s %M KB %U %S' -o "$t" java ${KPI_JAVA_OPTS:-} -jar "$JAR" "$@" -q > /dev/null
  read -r secs _ kb _ user sys < "$t"
  rm -f "$t"
  awk -v l="$label" -v s="$secs" -v kb="$kb" -v n="$rows" -v u="$user" -v y="$sys" \
    'BEGIN { printf "%-44s %7.2f s  %10.0f rows/s  peak RSS %6.0f MB  CPU %6.1f s\n", l, s, n / s, kb / 1024, u + y }'
  printf '    java -jar %s %s\n' "${JAR#$ROOT/}" "$(printf '%s ' "$@" | sed "s|$ROOT/||g")"
}

run "cvr --by month (contacts + deals)" $((leads + deals)) -- cvr --leads "$LEADS" --deals "$DEALS" --by month --format json
run "funnel (lead lifecycle, contacts + deals)" $((leads + deals)) -- funnel --leads "$LEADS" --deals "$DEALS" --format json
run "funnel --by channel (deals only)" "$deals" -- funnel --deals "$DEALS" --by channel --format json
