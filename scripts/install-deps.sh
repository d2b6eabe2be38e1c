#!/bin/sh
# Installs every Debian 12 package Switchyard needs to build, test and run. Nothing else is
# downloaded: the build uses only these packages. dbus-daemon and gnome-keyring are for tests
# only: tst_keychain runs a real OS-keychain round trip in a private, throwaway keyring.
set -eu
packages="
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6opengl6-dev libgl-dev libegl-dev libvulkan-dev libqt6svg6
  qt6-qpa-plugins
  libsqlite3-dev libcurl4-openssl-dev nlohmann-json3-dev libyaml-cpp-dev libbenchmark-dev
  libcpp-httplib-dev qtkeychain-qt6-dev libsimdjson-dev zlib1g-dev libfasttext-dev
  libxkbcommon-dev fonts-dejavu-core
  dbus-daemon gnome-keyring
"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
if ! dpkg -s $packages >/dev/null 2>&1; then
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $packages
fi
