#!/usr/bin/env bash
# The public article page under load: ToanDan (Release, published, demo data, output cache) beside nginx serving
# the very same bytes as a static file, with the same settings (HTTP/1.1 keep-alive, no compression — wrk asks for
# none —, the same security headers, no access log), measured alternately in one run with wrk.
# Prints both req/s, their ratio, p99 latency and the page's size. Goal: ToanDan >= 0.8x nginx.
# Usage: bench/portal.sh [seconds per round, default 10] [rounds, default 2]
# Needs Debian's nginx (/usr/sbin/nginx) and wrk (/usr/bin/wrk): apt-get install -y nginx wrk
set -euo pipefail
[ -n "${BENCH_DEBUG:-}" ] && set -x
cd "$(dirname "$0")/.."
duration="${1:-10}"
rounds="${2:-2}"
connections=32
threads=2
slug="hieu-qua-phong-trao-toan-dan-bao-ve-an-ninh-to-quoc-o-nam-sach"
path="/tin-tuc/$slug"
nginx_bin=/usr/sbin/nginx
wrk_bin=/usr/bin/wrk
for tool in "$nginx_bin" "$wrk_bin" curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y nginx wrk curl)" >&2; exit 2; }
done

work="$(mktemp -d /tmp/toandan-portal-bench.XXXXXX)"
app_pid=""
nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
app_port="$(free_port)"
nginx_port="$(free_port)"

echo "Publishing ToanDan (Release)…"
dotnet publish src/ToanDan.Web -c Release -o "$work/app" -v q -nologo >/dev/null

echo "Starting ToanDan with demo data on 127.0.0.1:$app_port…"
(
  cd "$work/app"
  ConnectionStrings__ToanDan="Data Source=$work/toandan.db" Media__Path="$work/media" Tips__KeyFile="$work/tips-keys.json" \
    Logging__LogLevel__Default=Warning \
    exec dotnet ToanDan.Web.dll --demo --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1
) &
app_pid=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$app_port/healthz" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 1
done

# The page as ToanDan serves it (this request also fills the output cache): nginx serves these bytes.
mkdir -p "$work/www/tin-tuc"
curl -fs -D "$work/headers.txt" -o "$work/www/tin-tuc/$slug" "http://127.0.0.1:$app_port$path"
bytes="$(stat -c %s "$work/www/tin-tuc/$slug")"

# nginx: foreground, one worker per core like Kestrel, keep-alive, no gzip, the same security headers.
header() { grep -i "^$1:" "$work/headers.txt" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 75s;
  keepalive_requests 100000;
  gzip off;
  server_tokens off;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    default_type "text/html; charset=utf-8";
    add_header Content-Security-Policy "$(header Content-Security-Policy)" always;
    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options DENY always;
    add_header Referrer-Policy "$(header Referrer-Policy)" always;
    add_header Permissions-Policy "$(header Permissions-Policy)" always;
    add_header Cross-Origin-Opener-Policy same-origin always;
    add_header Cache-Control no-cache always;
  }
}
CONF
mkdir -p "$work/nginx-tmp"
# nginx's workers run as an unprivileged user: let them read the page (mktemp made the folder private).
chmod 755 "$work"
chmod -R a+rX "$work/www"
"$nginx_bin" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$nginx_port$path" -o /dev/null && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$nginx_port$path" -o /dev/null || { echo "nginx does not serve the page:" >&2; cat "$work/nginx-error.log" >&2; exit 1; }

curl -fs "http://127.0.0.1:$app_port$path" -o "$work/app.html"
curl -fs "http://127.0.0.1:$nginx_port$path" -o "$work/nginx.html"
cmp -s "$work/app.html" "$work/nginx.html" || { echo "the two servers answer different bytes" >&2; exit 1; }

run() { # name url round -> appends "name rps p99ms"
  local out rps p99
  out="$("$wrk_bin" -t"$threads" -c"$connections" -d"${duration}s" --latency "$2")"
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")"
  errors="$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")"
  [ -z "$errors" ] || echo "  $1: $errors" >&2
  printf '  round %s  %-8s %10.0f req/s   p99 %7.2f ms\n' "$3" "$1" "$rps" "$p99"
  echo "$1 $rps $p99" >>"$work/results.txt"
}

echo "Warming up both servers…"
"$wrk_bin" -t"$threads" -c"$connections" -d10s "http://127.0.0.1:$app_port$path" >/dev/null
"$wrk_bin" -t"$threads" -c"$connections" -d5s "http://127.0.0.1:$nginx_port$path" >/dev/null

echo "wrk -t$threads -c$connections -d${duration}s, $rounds round(s) each, alternating (page: $bytes bytes):"
for round in $(seq 1 "$rounds"); do
  run toandan "http://127.0.0.1:$app_port$path" "$round"
  run nginx "http://127.0.0.1:$nginx_port$path" "$round"
done

awk -v bytes="$bytes" '
  { n[$1]++; rps[$1]+=$2; if ($3>p99[$1]) p99[$1]=$3 }
  END {
    a=rps["toandan"]/n["toandan"]; b=rps["nginx"]/n["nginx"];
    printf "\nArticle page: %d bytes (same bytes from both)\n", bytes;
    printf "ToanDan: %.0f req/s, p99 %.2f ms (worst round)\n", a, p99["toandan"];
    printf "nginx:   %.0f req/s, p99 %.2f ms (worst round)\n", b, p99["nginx"];
    printf "ratio ToanDan/nginx: %.2f (goal >= 0.80)\n", a/b;
  }' "$work/results.txt"
