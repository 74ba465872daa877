#!/usr/bin/env bash
# Durable tip submissions per second on SQLite: the real submission slice (DI, validation, encryption, group commit
# with the audit chain; a submission counts once its COMMIT has returned) from 16 concurrent clients and from one,
# beside a raw INSERT + COMMIT loop with the same journal_mode and synchronous, and beside the same rows written
# with raw SQL into the app's schema, one commit per tip; short rounds alternate the four.
# Prints the rates, the ratio (goal >= 0.5 of the raw loop) and the machine's load before and after.
# Usage: bench/tips.sh [submissions per round (500)] [rounds (8)] [warm-up submissions (4000)] [clients (16)]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/ToanDan.Bench -c Release -v q -nologo >/dev/null
echo "load before: $(uptime)"
# The web host runs with server GC (Microsoft.NET.Sdk.Web's default); so does this run.
DOTNET_gcServer=1 dotnet bench/ToanDan.Bench/bin/Release/net10.0/ToanDan.Bench.dll tips "$@"
echo "load after:  $(uptime)"
