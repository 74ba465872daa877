#!/usr/bin/env bash
# Durable tip submissions per second on SQLite: the real submission slice (DI, validation, encryption, EF Core,
# audit chain, one commit per tip) beside a raw INSERT + COMMIT loop with the same journal_mode and synchronous,
# in the same run, alternating rounds. Prints both rates and the ratio (goal >= 0.5), and the machine's load.
# Usage: bench/tips.sh [submissions per round (1000)] [rounds (2)]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/ToanDan.Bench -c Release -v q -nologo >/dev/null
echo "load before: $(uptime)"
dotnet bench/ToanDan.Bench/bin/Release/net10.0/ToanDan.Bench.dll tips "$@"
echo "load after:  $(uptime)"
