#!/bin/sh
# Runs a test in a private D-Bus session with a throwaway, unlocked gnome-keyring, so the OS
# keychain test makes a real round trip and never touches the user's own keychain: the keyring
# files live in a temporary folder that is removed afterwards. Without dbus-run-session or
# gnome-keyring-daemon the test runs as it is and skips the round trip, saying why.
set -eu
if ! command -v dbus-run-session >/dev/null 2>&1 ||
    ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "with_keyring.sh: dbus-run-session or gnome-keyring-daemon is missing" \
        "(scripts/install-deps.sh installs them)" >&2
    exec "$@"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for folder in data runtime cache config; do
    mkdir -m 700 "$scratch/$folder"
done
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_CACHE_HOME="$scratch/cache" XDG_CONFIG_HOME="$scratch/config"
# Tells the test that the keychain it sees is this private one.
export SWITCHYARD_PRIVATE_KEYRING=1
status=0
dbus-run-session -- sh -c \
    'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
    sh "$@" || status=$?
exit "$status"
