# shellcheck shell=bash
# What blue-green.sh and rollback.sh share: the two colours run the same jar as plain processes
# on their own ports, nginx sends traffic to the one named in an upstream include file, and a
# state folder remembers which colour is active, each colour's pid, release and log.
#
# Settings (environment; the defaults suit one host with nginx from the distribution):
#   YTEMPIRE_DEPLOY_DIR      state folder: active colour, <colour>.jar/.pid/.log (~/.ytempire/deploy)
#   YTEMPIRE_BLUE_PORT       blue's HTTP port (8001)
#   YTEMPIRE_GREEN_PORT      green's HTTP port (8002)
#   YTEMPIRE_APP_HOST        where nginx and the health checks reach the colours (127.0.0.1)
#   YTEMPIRE_NGINX           the nginx command (nginx)
#   YTEMPIRE_NGINX_CONF      nginx's main configuration (/etc/nginx/nginx.conf)
#   YTEMPIRE_NGINX_UPSTREAM  the include file this rewrites (ytempire-upstream.conf beside it)
#   YTEMPIRE_PROXY_HOST      where nginx listens, to check the switch (127.0.0.1)
#   YTEMPIRE_PROXY_PORT      (80)
#   YTEMPIRE_READY_TIMEOUT   seconds the new colour has to become ready (180)
#   YTEMPIRE_DRAIN_SECONDS   seconds the old colour keeps serving requests already sent to it (10)
#   YTEMPIRE_STOP_TIMEOUT    seconds the old colour has to stop after SIGTERM before SIGKILL (60)
#   JAVA_HOME, JAVA_OPTS     the Java runtime and its options
# The application's own settings (DATABASE_URL, YTEMPIRE_API_KEYS, ...) pass through unchanged.
#
# Exit codes:
#   0  the new colour serves traffic and the old one has stopped
#   1  bad arguments or settings; nothing was changed
#   2  the new colour did not become ready (or its port was taken); traffic is unchanged
#   3  nginx did not switch; the new colour was stopped, traffic is unchanged
#   4  the new colour serves traffic, but the old one ignored SIGTERM and was killed
#   5  another deployment is running

readonly EXIT_USAGE=1 EXIT_NOT_READY=2 EXIT_SWITCH_FAILED=3 EXIT_OLD_NOT_STOPPED=4 EXIT_BUSY=5

DEPLOY_DIR="${YTEMPIRE_DEPLOY_DIR:-${HOME:?HOME or YTEMPIRE_DEPLOY_DIR must be set}/.ytempire/deploy}"
BLUE_PORT="${YTEMPIRE_BLUE_PORT:-8001}"
GREEN_PORT="${YTEMPIRE_GREEN_PORT:-8002}"
APP_HOST="${YTEMPIRE_APP_HOST:-127.0.0.1}"
NGINX="${YTEMPIRE_NGINX:-nginx}"
NGINX_CONF="${YTEMPIRE_NGINX_CONF:-/etc/nginx/nginx.conf}"
NGINX_UPSTREAM="${YTEMPIRE_NGINX_UPSTREAM:-$(dirname "$NGINX_CONF")/ytempire-upstream.conf}"
PROXY_HOST="${YTEMPIRE_PROXY_HOST:-127.0.0.1}"
PROXY_PORT="${YTEMPIRE_PROXY_PORT:-80}"
READY_TIMEOUT="${YTEMPIRE_READY_TIMEOUT:-180}"
DRAIN_SECONDS="${YTEMPIRE_DRAIN_SECONDS:-10}"
STOP_TIMEOUT="${YTEMPIRE_STOP_TIMEOUT:-60}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# How long nginx may take to put a reloaded configuration in force.
readonly SWITCH_TIMEOUT=30

say() {
	printf '%s [%s] %s\n' "$(date -u +%H:%M:%S)" "$SCRIPT" "$*"
}

die() {
	local code=$1
	shift
	printf '%s [%s] error: %s\n' "$(date -u +%H:%M:%S)" "$SCRIPT" "$*" >&2
	exit "$code"
}

check_settings() {
	local name value
	for name in BLUE_PORT GREEN_PORT READY_TIMEOUT DRAIN_SECONDS STOP_TIMEOUT PROXY_PORT; do
		value=${!name}
		case $value in
		'' | *[!0-9]*) die "$EXIT_USAGE" "YTEMPIRE_$name must be a whole number, not '$value'" ;;
		esac
	done
	[ "$BLUE_PORT" != "$GREEN_PORT" ] || die "$EXIT_USAGE" "blue and green need different ports (both are $BLUE_PORT)"
	# Each colour would otherwise start an embedded database of its own on the same data folder.
	[ -n "${DATABASE_URL:-}" ] || die "$EXIT_USAGE" "DATABASE_URL is not set: both colours must share one external PostgreSQL"
	command -v "$JAVA" >/dev/null || die "$EXIT_USAGE" "no Java runtime at '$JAVA' (set JAVA_HOME)"
	command -v "$NGINX" >/dev/null || die "$EXIT_USAGE" "no nginx at '$NGINX' (set YTEMPIRE_NGINX)"
	[ -w "$(dirname "$NGINX_UPSTREAM")" ] || die "$EXIT_USAGE" "cannot write nginx's upstream file $NGINX_UPSTREAM"
	mkdir -p "$DEPLOY_DIR" || die "$EXIT_USAGE" "cannot create the state folder $DEPLOY_DIR"
}

# One deployment at a time: mkdir is atomic. A run killed with SIGKILL leaves the folder behind.
take_lock() {
	mkdir "$DEPLOY_DIR/lock" 2>/dev/null ||
		die "$EXIT_BUSY" "another deployment is running (if none is, remove $DEPLOY_DIR/lock)"
	trap 'rmdir "$DEPLOY_DIR/lock"' EXIT
}

other_colour() {
	case $1 in
	blue) echo green ;;
	*) echo blue ;;
	esac
}

port_of() {
	case $1 in
	blue) echo "$BLUE_PORT" ;;
	*) echo "$GREEN_PORT" ;;
	esac
}

active_colour() {
	cat "$DEPLOY_DIR/active" 2>/dev/null || true
}

# Whether the colour's recorded process still runs its release. Comparing the command line
# guards against a pid reused by another process, and treats an exited process that nobody
# has reaped yet (its command line is empty) as gone.
is_running() {
	local pid
	pid=$(cat "$DEPLOY_DIR/$1.pid" 2>/dev/null) || return 1
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
	[ -r "/proc/$pid/cmdline" ] || return 0
	# Not a pipe: with pipefail, grep -q leaving early could fail the writer with SIGPIPE.
	grep -qxF "$DEPLOY_DIR/$1.jar" < <(tr '\0' '\n' <"/proc/$pid/cmdline")
}

# The status line and headers of GET http://host:port/path, through bash's /dev/tcp so that no
# HTTP client needs to be installed.
http_head() {
	# shellcheck disable=SC2016 # the inner shell expands its own arguments
	timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1
		printf "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" "$3" "$1" >&3
		sed -e "s/\r\$//" -e "/^\$/q" <&3' http_head "$1" "$2" "$3" 2>/dev/null
}

# Whether something already accepts connections on host:port.
is_listening() {
	# shellcheck disable=SC2016 # the inner shell expands its own arguments
	timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' is_listening "$1" "$2" 2>/dev/null
}

http_status() {
	http_head "$@" | sed -n '1s/^HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p'
}

start_colour() {
	local colour=$1 port
	port=$(port_of "$colour")
	say "starting $colour on port $port; its log is $DEPLOY_DIR/$colour.log"
	# The log grows across starts; a failure shows only what this start wrote.
	LOG_START_LINE=$(($(wc -l 2>/dev/null <"$DEPLOY_DIR/$colour.log" || echo 0) + 1))
	# shellcheck disable=SC2086 # JAVA_OPTS holds several options on purpose
	PORT="$port" nohup "$JAVA" ${JAVA_OPTS:-} -jar "$DEPLOY_DIR/$colour.jar" \
		>>"$DEPLOY_DIR/$colour.log" 2>&1 </dev/null &
	local pid=$! tries=0
	echo "$pid" >"$DEPLOY_DIR/$colour.pid"
	# Until nohup has exec'd java the child is still a copy of this shell, which
	# is_running would take for a colour that exited; on a busy host that takes a while.
	while kill -0 "$pid" 2>/dev/null && ! is_running "$colour" && [ "$tries" -lt 100 ]; do
		sleep 0.1
		tries=$((tries + 1))
	done
}

# Returns once the colour answers 200 on /health/readiness; fails when it exits or the time is up.
await_ready() {
	local colour=$1 port deadline
	port=$(port_of "$colour")
	deadline=$((SECONDS + READY_TIMEOUT))
	while [ "$SECONDS" -lt "$deadline" ]; do
		if ! is_running "$colour"; then
			say "$colour exited while starting; the end of its log:"
			log_of_this_start "$colour"
			return 1
		fi
		if [ "$(http_status "$APP_HOST" "$port" /health/readiness)" = 200 ]; then
			say "$colour is ready on port $port"
			return 0
		fi
		sleep 1
	done
	say "$colour was not ready within ${READY_TIMEOUT}s; the end of its log:"
	log_of_this_start "$colour"
	return 1
}

log_of_this_start() {
	tail -n "+$LOG_START_LINE" "$DEPLOY_DIR/$1.log" | tail -n 30 >&2
}

# SIGTERM lets the application finish the requests it holds (server.shutdown: graceful) and
# release its event processors' claims; SIGKILL only once the time is up.
stop_colour() {
	local colour=$1 pid deadline
	if ! is_running "$colour"; then
		rm -f "$DEPLOY_DIR/$colour.pid"
		return 0
	fi
	pid=$(cat "$DEPLOY_DIR/$colour.pid")
	say "stopping $colour (pid $pid) with SIGTERM"
	kill -TERM "$pid" 2>/dev/null || true
	deadline=$((SECONDS + STOP_TIMEOUT))
	while is_running "$colour" && [ "$SECONDS" -lt "$deadline" ]; do
		sleep 1
	done
	if is_running "$colour"; then
		say "$colour did not stop within ${STOP_TIMEOUT}s: SIGKILL"
		kill -KILL "$pid" 2>/dev/null || true
		rm -f "$DEPLOY_DIR/$colour.pid"
		return 1
	fi
	rm -f "$DEPLOY_DIR/$colour.pid"
	say "$colour has stopped"
}

write_upstream() {
	local colour=$1 staged="$NGINX_UPSTREAM.staged"
	{
		echo "# Written by ops/deploy/blue-green.sh and rollback.sh: the colour that receives traffic."
		echo "upstream ytempire_app {"
		echo "	server $APP_HOST:$(port_of "$colour");  # $colour"
		echo "	keepalive 32;"
		echo "}"
	} >"$staged"
	# A rename, so that nginx never reads a half-written file.
	mv -f "$staged" "$NGINX_UPSTREAM"
}

# Whether nginx now sends new requests to the colour: its loopback-only /deploy/upstream
# location names the address that answered.
await_proxy_routes_to() {
	local port deadline headers
	port=$(port_of "$1")
	deadline=$((SECONDS + SWITCH_TIMEOUT))
	while [ "$SECONDS" -lt "$deadline" ]; do
		headers=$(http_head "$PROXY_HOST" "$PROXY_PORT" /deploy/upstream) || true
		if grep -qi "^X-Upstream: .*:$port\$" <<<"$headers"; then
			return 0
		fi
		sleep 0.2
	done
	return 1
}

# Points nginx at the colour. On any failure the previous upstream file is put back, so that
# traffic stays where it was.
switch_nginx_to() {
	local colour=$1 saved="$DEPLOY_DIR/upstream.before-switch"
	if [ -f "$NGINX_UPSTREAM" ]; then
		cp "$NGINX_UPSTREAM" "$saved"
	else
		rm -f "$saved"
	fi
	write_upstream "$colour"
	if ! "$NGINX" -c "$NGINX_CONF" -t -q; then
		say "nginx rejects the new configuration"
		restore_upstream "$saved"
		return 1
	fi
	say "switching nginx to $colour"
	if ! "$NGINX" -c "$NGINX_CONF" -s reload; then
		say "nginx could not be reloaded (is it running with $NGINX_CONF?)"
		restore_upstream "$saved"
		return 1
	fi
	if ! await_proxy_routes_to "$colour"; then
		say "nginx at $PROXY_HOST:$PROXY_PORT did not route to $colour within ${SWITCH_TIMEOUT}s"
		restore_upstream "$saved"
		"$NGINX" -c "$NGINX_CONF" -s reload || true
		return 1
	fi
	rm -f "$saved"
}

restore_upstream() {
	if [ -f "$1" ]; then
		mv -f "$1" "$NGINX_UPSTREAM"
	else
		rm -f "$NGINX_UPSTREAM"
	fi
}

# Called when the colour never received traffic, before the script exits; blue-green.sh puts
# back the release that the failed one replaced.
after_failed_switch() {
	:
}

# Starts the colour from its release in the state folder, waits until it is ready, switches
# nginx to it, lets the previous colour drain and stops it.
switch_to() {
	local colour=$1 previous
	previous=$(active_colour)
	# Another process on the port would answer the readiness check in the new colour's place.
	if is_listening "$APP_HOST" "$(port_of "$colour")"; then
		after_failed_switch "$colour"
		die "$EXIT_NOT_READY" "port $(port_of "$colour") for $colour is taken by another process; traffic stays on ${previous:-nothing}"
	fi
	start_colour "$colour"
	if ! await_ready "$colour"; then
		stop_colour "$colour" || true
		after_failed_switch "$colour"
		die "$EXIT_NOT_READY" "$colour did not become ready; traffic stays on ${previous:-nothing}"
	fi
	if ! switch_nginx_to "$colour"; then
		stop_colour "$colour" || true
		after_failed_switch "$colour"
		die "$EXIT_SWITCH_FAILED" "nginx did not switch; traffic stays on ${previous:-nothing}"
	fi
	echo "$colour" >"$DEPLOY_DIR/active.staged"
	mv -f "$DEPLOY_DIR/active.staged" "$DEPLOY_DIR/active"
	say "$colour receives traffic"
	if [ -n "$previous" ] && is_running "$previous"; then
		say "letting $previous finish the requests it holds (${DRAIN_SECONDS}s)"
		sleep "$DRAIN_SECONDS"
		stop_colour "$previous" ||
			die "$EXIT_OLD_NOT_STOPPED" "$colour serves traffic, but $previous had to be killed"
	fi
	say "done: $colour serves traffic on port $(port_of "$colour")"
}

# A colour that runs although it is not active was left by an interrupted run; it receives no
# traffic and its release is about to be replaced.
stop_if_inactive_and_running() {
	if is_running "$1"; then
		say "$1 runs but receives no traffic (left by an interrupted run): stopping it first"
		stop_colour "$1" || true
	fi
}
