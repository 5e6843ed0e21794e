#!/usr/bin/env bash
# Runs a command inside a fresh D-Bus session with an unlocked gnome-keyring of its own,
# so keychain tests use a real OS keychain and never touch the user's keyrings.
#   scripts/with-keyring.sh npm test
set -euo pipefail
if [ -z "${WITH_KEYRING_INNER:-}" ]; then
  exec env WITH_KEYRING_INNER=1 dbus-run-session -- "$0" "$@"
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
eval "$(printf 'motif-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
