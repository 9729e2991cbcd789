#!/usr/bin/env bash
# Runs nginx on this machine with the load balancer's own configuration (infra/nginx/civicdesk.conf,
# as infra/compose.yaml mounts it) in front of the two instances of infra/local/two-instances.sh:
# the compose file's upstreams (civicdesk-1:8080, civicdesk-2:8080) become 127.0.0.1 and their
# local ports, and it listens on 127.0.0.1 only. Used by the multi-instance script test.
#
#   infra/local/nginx.sh start     # render the configuration, check it (nginx -t), start nginx
#   infra/local/nginx.sh stop
#
# Settings (environment): CIVICDESK_LOCAL_PORTS ("8081 8082", the instances), CIVICDESK_LOCAL_NGINX_PORT
# (8080), CIVICDESK_LOCAL_STATE (infra/local/.state). Needs nginx (apt-get install nginx).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
state=${CIVICDESK_LOCAL_STATE:-$here/.state}/nginx
ports=(${CIVICDESK_LOCAL_PORTS:-8081 8082})
listen=${CIVICDESK_LOCAL_NGINX_PORT:-8080}
nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

render() {
  mkdir -p "$state/temp"
  sed -e "s/server civicdesk-1:8080/server 127.0.0.1:${ports[0]}/" \
      -e "s/server civicdesk-2:8080/server 127.0.0.1:${ports[1]}/" \
      -e "s/listen 80;/listen 127.0.0.1:$listen;/" \
      "$root/infra/nginx/civicdesk.conf" > "$state/civicdesk.conf"
  grep -q "127.0.0.1:${ports[0]}" "$state/civicdesk.conf" && grep -q "127.0.0.1:${ports[1]}" "$state/civicdesk.conf" \
    || { echo "infra/nginx/civicdesk.conf no longer names civicdesk-1:8080 and civicdesk-2:8080" >&2; exit 1; }
  # What the nginx image around conf.d/default.conf provides, with paths of our own.
  cat > "$state/nginx.conf" <<CONF
worker_processes 1;
pid $state/nginx.pid;
error_log $state/error.log warn;
events { worker_connections 1024; }
http {
  access_log $state/access.log;
  client_body_temp_path $state/temp/body;
  proxy_temp_path $state/temp/proxy;
  fastcgi_temp_path $state/temp/fastcgi;
  uwsgi_temp_path $state/temp/uwsgi;
  scgi_temp_path $state/temp/scgi;
  include $state/civicdesk.conf;
}
CONF
}

start() {
  [ -x "$nginx" ] || { echo "nginx not found: apt-get install nginx" >&2; exit 1; }
  if [ -s "$state/nginx.pid" ] && kill -0 "$(cat "$state/nginx.pid")" 2>/dev/null; then
    echo "nginx already running (pid $(cat "$state/nginx.pid"))"
    return
  fi
  render
  "$nginx" -t -q -c "$state/nginx.conf" -p "$state"
  "$nginx" -c "$state/nginx.conf" -p "$state"
  for _ in $(seq 50); do
    [ -s "$state/nginx.pid" ] && break
    sleep 0.1
  done
  echo "nginx on http://127.0.0.1:$listen/ (pid $(cat "$state/nginx.pid")) in front of 127.0.0.1:${ports[0]} and :${ports[1]}"
}

stop() {
  if [ -s "$state/nginx.pid" ] && kill -0 "$(cat "$state/nginx.pid")" 2>/dev/null; then
    "$nginx" -c "$state/nginx.conf" -p "$state" -s quit
    for _ in $(seq 50); do
      [ -s "$state/nginx.pid" ] && kill -0 "$(cat "$state/nginx.pid")" 2>/dev/null || break
      sleep 0.1
    done
    echo "nginx stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
