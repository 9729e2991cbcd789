#!/usr/bin/env bash
# A RabbitMQ node of the benchmark's own (same installation as the machine's, 3.10), with only the
# Web-STOMP plugin, on 127.0.0.1:5673 (AMQP) and :15675 (Web-STOMP, path /ws), with room for
# 5,000+ sockets. The machine's own node (rabbit@localhost) runs with 1,024 file descriptors
# (832 sockets), too few for 1,000 or 5,000 WebSocket subscribers, and is not ours to restart.
#   rabbit-node.sh start|stop|status
set -euo pipefail
DIR=${RABBIT_BENCH_DIR:-/tmp/civicdesk-bench-rabbit}
NODE=civicbench@localhost
export HOME=$DIR RABBITMQ_NODENAME=$NODE RABBITMQ_CONF_ENV_FILE=$DIR/rabbitmq-env.conf \
  RABBITMQ_CONFIG_FILE=$DIR/rabbitmq RABBITMQ_MNESIA_BASE=$DIR/mnesia RABBITMQ_LOG_BASE=$DIR/log \
  RABBITMQ_ENABLED_PLUGINS_FILE=$DIR/enabled_plugins RABBITMQ_DIST_PORT=25673 ERL_EPMD_ADDRESS=127.0.0.1
case "${1:-}" in
  start)
    mkdir -p "$DIR/log" "$DIR/mnesia"
    : > "$DIR/rabbitmq-env.conf"
    cat > "$DIR/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:5673
web_stomp.tcp.port = 15675
web_stomp.tcp.ip = 127.0.0.1
stomp.listeners.tcp.1 = 127.0.0.1:61614
loopback_users = none
log.console = false
log.file.level = warning
CONF
    echo '[rabbitmq_web_stomp].' > "$DIR/enabled_plugins"
    ulimit -n 20000
    # The node outlives this script: it must not hold the caller's descriptors (flock's lock).
    for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null || true; done
    nohup /usr/lib/rabbitmq/bin/rabbitmq-server > "$DIR/server.out" 2>&1 &
    echo $! > "$DIR/pid"
    for i in $(seq 60); do
      if (exec 3<>/dev/tcp/127.0.0.1/15675) 2>/dev/null; then echo "rabbit node $NODE up (pid $(cat "$DIR/pid")), Web-STOMP ws://127.0.0.1:15675/ws"; exit 0; fi
      sleep 1
    done
    echo "rabbit node did not come up; see $DIR/server.out" >&2; exit 1 ;;
  stop)
    /usr/lib/rabbitmq/bin/rabbitmqctl -n $NODE stop >/dev/null 2>&1 || { [ -f "$DIR/pid" ] && kill "$(cat "$DIR/pid")" 2>/dev/null || true; }
    echo "rabbit node $NODE stopped" ;;
  status)
    /usr/lib/rabbitmq/bin/rabbitmqctl -n $NODE status | grep -iE "version|file desc|sockets|Total memory" -A1 ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 64 ;;
esac
