#!/usr/bin/env bash
# The BullMQ queue contract suite talks to a real Redis. Start one on 127.0.0.1:6379 if
# nothing answers there (REDIS_URL pointing elsewhere is left alone).
set -euo pipefail
if [ -n "${REDIS_URL:-}" ] && [[ "$REDIS_URL" != *"127.0.0.1:6379"* ]] && [[ "$REDIS_URL" != *"localhost:6379"* ]]; then
  exit 0
fi
ping_redis() { node -e "
  const s = require('net').connect(6379, '127.0.0.1');
  s.on('connect', () => s.write('PING\r\n'));
  s.on('data', d => process.exit(String(d).startsWith('+PONG') ? 0 : 1));
  s.on('error', () => process.exit(1));
  setTimeout(() => process.exit(1), 1000);"; }
ping_redis && exit 0
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-redis: installing redis-server from Debian's packages" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null
  else
    echo "ensure-redis: no Redis on 127.0.0.1:6379 and redis-server is not installed" >&2
    exit 1
  fi
fi
echo "ensure-redis: starting redis-server on 127.0.0.1:6379" >&2
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
for _ in $(seq 1 50); do ping_redis && exit 0; sleep 0.1; done
echo "ensure-redis: redis-server did not answer" >&2
exit 1
