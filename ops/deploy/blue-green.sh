#!/usr/bin/env bash
# Zero-downtime deployment of a new release on one host: starts it as the idle colour (blue or
# green) beside the running one, waits until it is ready, points nginx at it, lets the old
# colour finish what it holds and stops it with SIGTERM.
#
#   ops/deploy/blue-green.sh app/target/ytempire.jar
#
# Both colours share the database of DATABASE_URL. Settings and exit codes: deploy-lib.sh.
set -euo pipefail
SCRIPT=blue-green
# shellcheck source-path=SCRIPTDIR source=deploy-lib.sh
. "$(dirname "$0")/deploy-lib.sh"

[ $# -eq 1 ] || die "$EXIT_USAGE" "usage: $0 RELEASE.jar"
release=$1
if [ ! -f "$release" ] || [ ! -r "$release" ]; then
	die "$EXIT_USAGE" "no readable release at '$release'"
fi
check_settings
take_lock

active=$(active_colour)
if [ -n "$active" ]; then
	target=$(other_colour "$active")
else
	target=blue
fi
stop_if_inactive_and_running "$target"

# A release that never served must not become what rollback.sh returns to.
after_failed_switch() {
	if [ -f "$DEPLOY_DIR/$1.jar.replaced" ]; then
		mv -f "$DEPLOY_DIR/$1.jar.replaced" "$DEPLOY_DIR/$1.jar"
	else
		rm -f "$DEPLOY_DIR/$1.jar"
	fi
}

# The release is copied so that a rebuild of the original cannot change what a colour runs,
# and so that rollback.sh can start the previous release again.
if [ -f "$DEPLOY_DIR/$target.jar" ]; then
	mv -f "$DEPLOY_DIR/$target.jar" "$DEPLOY_DIR/$target.jar.replaced"
fi
cp "$release" "$DEPLOY_DIR/$target.jar.staged"
mv -f "$DEPLOY_DIR/$target.jar.staged" "$DEPLOY_DIR/$target.jar"
say "deploying $release as $target (active: ${active:-none})"
switch_to "$target"
rm -f "$DEPLOY_DIR/$target.jar.replaced"
