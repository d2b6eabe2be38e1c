#!/bin/sh
# Regenerates docs/screenshots/ (1600x1000, offscreen) from the GUI test on the demo workspace.
set -eu
cd "$(dirname "$0")/.."
mkdir -p docs/screenshots
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_mainwindow opensOnDemoWorkspace
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_cachelabpage recordedDemoTrafficIsSimulated
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_providerspage screenshot
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_routerlabpage screenshot
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_runspage
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_comparepage screenshot
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_savingspage showsEveryLeverOfThePolicy
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_trafficpage importedWeekMatchesTheCommandLine
QT_QPA_PLATFORM=offscreen SWITCHYARD_SCREENSHOT_DIR="$PWD/docs/screenshots" \
    ./build/tests/ui/tst_studentpage
