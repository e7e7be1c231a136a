# Sourced by bin/test, bin/cluster and bin/bench: a throwaway PostgreSQL cluster in a temp directory.
# pg_start sets PG_DIR, PG_PORT and PG_URL (a JDBC URL for the superuser "glossa", trust auth on
# 127.0.0.1 only); pg_stop stops the server and removes the directory. As root, the server runs as the
# "postgres" user (initdb refuses root), in a directory that user owns.

pg_install() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages..."
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql
  fi
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( (RANDOM % 20000) + 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; return 1
}

pg_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  pg_install
  PG_DIR=$(mktemp -d /tmp/glossa-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR"; fi
  PG_PORT=$(free_port)
  pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U glossa --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  # Throwaway: no fsync (the cluster dies with the run), sockets in our own directory.
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR -c fsync=${PG_FSYNC:-off} -c max_connections=${PG_MAX_CONNECTIONS:-300} ${PG_OPTIONS:-}" start >/dev/null \
    || { cat "$PG_DIR/server.log"; return 1; }
  PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=glossa"
  export PG_DIR PG_PORT PG_URL PG_BIN
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
