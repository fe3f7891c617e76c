#!/usr/bin/env bash
# Puts the previous release back into service: starts the idle colour again from the release it
# last ran, waits until it is ready, points nginx at it and stops the current colour gracefully,
# exactly as blue-green.sh does. Run twice, it returns to the release it rolled back from.
#
#   ops/deploy/rollback.sh
#
# Settings and exit codes: deploy-lib.sh.
set -euo pipefail
SCRIPT=rollback
# shellcheck source-path=SCRIPTDIR source=deploy-lib.sh
. "$(dirname "$0")/deploy-lib.sh"

[ $# -eq 0 ] || die "$EXIT_USAGE" "usage: $0 (no arguments)"
check_settings
take_lock

active=$(active_colour)
[ -n "$active" ] || die "$EXIT_USAGE" "nothing has been deployed from $DEPLOY_DIR yet"
target=$(other_colour "$active")
[ -f "$DEPLOY_DIR/$target.jar" ] ||
	die "$EXIT_USAGE" "no earlier release to roll back to: $target has never been deployed"
stop_if_inactive_and_running "$target"
say "rolling back from $active to $target's release"
switch_to "$target"
