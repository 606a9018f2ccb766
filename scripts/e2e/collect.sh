#!/bin/sh
# Inside the board: snapshot cages port1..portN into OUT, then measure what
# one `sensors` run costs on each cage's bus once the live cache has expired.
# With "metrics", also scrape node_exporter's hwmon collector into OUT/metrics.
#
#   collect.sh OUT N [metrics]
set -u
. "$(dirname "$0")/../uml-lib.sh"
out=$1 n=$2 metrics=${3:-}
mkdir -p "$out"
i=1
while [ "$i" -le "$n" ]; do
	snapshot_cage "port$i" "$out"
	i=$((i + 1))
done
sensors -u >"$out/sensors-u" 2>&1

# Bus cost: let every live snapshot expire, then one full `sensors` run.
sleep 1.2
reset_stats "$n"
sensors >/dev/null 2>&1
i=1
while [ "$i" -le "$n" ]; do
	cat "$(cage_emul "port$i")/stats" >"$out/port$i/sensors-cost"
	i=$((i + 1))
done

# After the cost measurement, which a scrape would disturb.
if [ "$metrics" = metrics ]; then
	node_exporter_scrape "$out/metrics"
	echo "$?" >"$out/metrics.status"
fi
