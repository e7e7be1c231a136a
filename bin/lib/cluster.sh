# Sourced by bin/cluster and bin/bench: Glossa nodes on one database and nginx round-robin in front.
# Needs PG_URL (bin/lib/postgres.sh) and CLUSTER_DIR (a temp directory). Installs nginx when missing.

nginx_install() {
  if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    echo "Installing nginx from Debian's packages..."
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx
  fi
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# node_start I PORT PUBLIC_URL [extra serve flags...]: one node, its own data dir (search index), logs in CLUSTER_DIR.
node_start() {
  local i=$1 port=$2 public=$3; shift 3
  mkdir -p "$CLUSTER_DIR/node$i"
  java ${NODE_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC} -jar "${GLOSSA_JAR:-target/glossa.jar}" serve --port "$port" \
    --data-dir "$CLUSTER_DIR/node$i" --db-url "$PG_URL" --corpus "${GLOSSA_CORPUS:-corpus}" \
    --base-url "$public" --trusted-proxy 127.0.0.1 "$@" >"$CLUSTER_DIR/node$i.log" 2>&1 &
  echo $! >"$CLUSTER_DIR/node$i.pid"
}

# wait_healthy PORT [SECONDS]: until /healthz answers 200.
wait_healthy() {
  local port=$1 limit=${2:-600}
  for _ in $(seq 1 $((limit * 10))); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "node on port $port did not become healthy; see $CLUSTER_DIR/*.log" >&2
  return 1
}

node_stop() {
  local f="$CLUSTER_DIR/node$1.pid"
  if [ -f "$f" ]; then
    local pid; pid="$(cat "$f")"
    kill "$pid" 2>/dev/null || true
    # A node started from a subshell is not this shell's child, so `wait` returns at once: poll until
    # it has finished closing (its search index is written last).
    wait "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$f"
  fi
}

# nginx_start PORT NODE_PORT...: round-robin proxy, its config and temp files in CLUSTER_DIR/nginx.
nginx_start() {
  nginx_install
  local port=$1; shift
  local d="$CLUSTER_DIR/nginx" servers="" p
  mkdir -p "$d"
  for p in "$@"; do servers="$servers    server 127.0.0.1:$p;"$'\n'; done
  cat >"$d/nginx.conf" <<CONF
worker_processes ${NGINX_WORKERS:-1};
pid $d/nginx.pid;
error_log $d/error.log warn;
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $d/body;
  proxy_temp_path $d/proxy;
  fastcgi_temp_path $d/fastcgi;
  uwsgi_temp_path $d/uwsgi;
  scgi_temp_path $d/scgi;
  client_max_body_size 20m;
  upstream glossa {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://glossa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
  "$NGINX" -p "$d" -c "$d/nginx.conf"
}

nginx_stop() {
  if [ -f "$CLUSTER_DIR/nginx/nginx.pid" ]; then
    kill "$(cat "$CLUSTER_DIR/nginx/nginx.pid")" 2>/dev/null || true
    sleep 0.3
  fi
}
