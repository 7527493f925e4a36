#!/usr/bin/env bash
# Miller (mlr 6) version of `kpi cac --by channel`: spend per channel, new customers per channel
# (first won deal per account: earliest closed, then smallest id as text), CAC.
# Miller sums decimals as binary floats: `cost` comes out like 34852713.000000004; the comparison
# rounds it to cents. Usage: cac.sh SPEND.csv DEALS.csv  (CSV on stdout)
set -euo pipefail
spend=$1 deals=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mlr --icsv --ocsv stats1 -a sum -f cost -g channel then rename cost_sum,cost "$spend" > "$tmp/cost.csv"

mlr --icsv --ocsv filter '$stage == "Closed Won"' \
  then sort -f account_id,closed,id \
  then head -n 1 -g account_id \
  then count -g channel -o new_customers \
  "$deals" > "$tmp/customers.csv"

mlr --icsv --ocsv join --ul --ur -j channel -f "$tmp/cost.csv" \
  then unsparsify -f channel,cost,new_customers \
  then put 'if (is_empty($cost)) { $cost = 0 } if (is_empty($new_customers)) { $new_customers = 0 }
            $cac = $new_customers == 0 ? "" : fmtnum($cost / $new_customers, "%.2f")' \
  then reorder -f channel,cost,new_customers,cac \
  then sort -f channel \
  "$tmp/customers.csv"
