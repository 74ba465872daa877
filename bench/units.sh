#!/usr/bin/env bash
# Imports the whole pre-2025 catalogue (10,794 units) into a fresh SQLite database on ONE core and prints
# time, CPU, allocations and peak memory, beside a raw-insert baseline measured in the same run.
# Usage: bench/units.sh [catalogue.csv]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/ToanDan.Bench -c Release -v q -nologo >/dev/null
exec taskset -c 0 dotnet bench/ToanDan.Bench/bin/Release/net10.0/ToanDan.Bench.dll units "$@"
