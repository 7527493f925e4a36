#!/usr/bin/env bash
# Miller (mlr 6) version of the sums of `kpi ads --by campaign`. Ratios are left out: Miller's
# decimals are binary floats, so half-even rounding of a ratio cannot be made exact; the sums are
# compared after rounding to cents. Usage: ads.sh SPEND.csv  (CSV on stdout)
set -euo pipefail
mlr --icsv --ocsv stats1 -a sum -f impressions,clicks,cost,conversions,conversion_value -g campaign \
  then rename -r '^(.*)_sum$,\1' \
  then sort -f campaign \
  "$1"
