#!/usr/bin/env bash
# Smoke test of the built app as a new user gets it: unpack the archive in a fresh HOME, then check
# --version, --self-test, the window opening a project and an article, the Linux install script,
# and start-up with a broken and a missing bundled model. Run after `make package`.
# Usage: packaging/smoke_test.sh [ARCHIVE.tar.gz | APP_FOLDER]   (default: dist/Standpoint-*.tar.gz)
# Env: PYTHON (the venv python that writes the test project), SMOKE_SCREENSHOTS=DIR (save the windows as PNG),
#      SMOKE_KEEP=1 (keep the temporary folder), SMOKE_MAX_FOLDER_MB / SMOKE_MAX_ARCHIVE_MB (size budgets).
set -uo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
PYTHON=${PYTHON:-$REPO/.venv/bin/python}
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' core/__init__.py)
TIMEOUT=${SMOKE_TIMEOUT:-180}

failures=0
checks=0
pass() { checks=$((checks + 1)); echo "ok    $*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL  $*"; }
show() { sed 's/^/      | /' "$1" | grep -v "propagateSizeHints" | tail -n "${2:-15}"; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/standpoint-smoke.XXXXXX")
if [ -z "${SMOKE_KEEP:-}" ]; then trap 'rm -rf "$TMP"' EXIT; else echo "keeping $TMP"; fi
# A new user: empty HOME and XDG folders, no Python environment, started from elsewhere.
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share \
       XDG_CACHE_HOME=$TMP/home/.cache XDG_RUNTIME_DIR=$TMP/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV STANDPOINT_NO_MODEL

SOURCE=${1:-$(ls -t "$REPO"/dist/Standpoint-*.tar.gz 2>/dev/null | head -n 1)}
SOURCE=${SOURCE:-$REPO/dist/Standpoint}
mkdir -p "$TMP/x"
if [ -f "$SOURCE" ]; then
    tar -xzf "$SOURCE" -C "$TMP/x" && pass "unpack $(basename "$SOURCE") ($(du -sh "$TMP/x/Standpoint" | cut -f1))" \
        || fail "unpack $SOURCE"
elif [ -d "$SOURCE" ]; then
    cp -a "$SOURCE" "$TMP/x/Standpoint" && pass "copy $SOURCE"
else
    echo "smoke_test: no archive or app folder at '$SOURCE'; run \`make package\` first" >&2
    exit 2
fi
APPDIR=$TMP/x/Standpoint
APP=$APPDIR/Standpoint
cd "$TMP"

# 0. size budgets (decimal MB): a download that grows unnoticed is a regression too
MAX_FOLDER_MB=${SMOKE_MAX_FOLDER_MB:-350}
MAX_ARCHIVE_MB=${SMOKE_MAX_ARCHIVE_MB:-150}
folder_mb=$(( $(du -sb "$APPDIR" | cut -f1) / 1000000 ))
if [ "$folder_mb" -le "$MAX_FOLDER_MB" ]; then pass "folder size ${folder_mb} MB <= ${MAX_FOLDER_MB} MB"
else fail "folder size ${folder_mb} MB > ${MAX_FOLDER_MB} MB (is \`strip\` (binutils) installed?)"; fi
if [ -f "$SOURCE" ]; then
    archive_mb=$(( $(stat -c %s "$SOURCE") / 1000000 ))
    if [ "$archive_mb" -le "$MAX_ARCHIVE_MB" ]; then pass "archive size ${archive_mb} MB <= ${MAX_ARCHIVE_MB} MB"
    else fail "archive size ${archive_mb} MB > ${MAX_ARCHIVE_MB} MB"; fi
fi

# 1. --version, without a display and without Qt
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$APP" --version 2>&1)
if [ "$out" = "Standpoint $VERSION" ]; then pass "--version: $out"; else fail "--version printed '$out'"; fi

# 2. a project file, written by the source tree's CLI
if (cd "$REPO" && "$PYTHON" -m core.cli analyze seeds --project "$TMP/sample.standpoint" --no-charts) \
        > "$TMP/cli.log" 2>&1 && [ -s "$TMP/sample.standpoint" ]; then
    pass "project written by core.cli: $TMP/sample.standpoint"
else
    fail "core.cli could not write the test project"; show "$TMP/cli.log"
fi
mkdir -p "$TMP/articles"
cp "$REPO"/seeds/idlib-offensive-2018.* "$TMP/articles/"

# 3. --self-test offscreen: trained pipeline, sample analysis, both charts, the project
if env -u DISPLAY -u WAYLAND_DISPLAY timeout "$TIMEOUT" "$APP" --self-test --open "$TMP/sample.standpoint" \
        > "$TMP/self-test.log" 2>&1; then
    pass "--self-test"; show "$TMP/self-test.log" 8
else
    fail "--self-test"; show "$TMP/self-test.log" 30
fi

# 4. the window, on a real X server (Xvfb) when there is one, else offscreen
if command -v xvfb-run >/dev/null 2>&1; then
    RUN=(xvfb-run -a -s "-screen 0 1440x900x24" env QT_QPA_PLATFORM=xcb)
    where="Xvfb (xcb)"
else
    RUN=(env -u DISPLAY QT_QPA_PLATFORM=offscreen)
    where="offscreen (install xvfb to test the xcb platform)"
fi

window_opens() {  # name, expected article count, expected pipeline kind, paths...
    local name=$1 count=$2 kind=$3; shift 3
    local log="$TMP/window-$name.log" grab=()
    if [ -n "${SMOKE_SCREENSHOTS:-}" ]; then
        mkdir -p "$SMOKE_SCREENSHOTS" && grab=(--grab "$SMOKE_SCREENSHOTS/frozen-$name.png")
    fi
    "${RUN[@]}" timeout "$TIMEOUT" "$APP" --exit-after-load "${grab[@]}" "$@" > "$log" 2>&1
    local rc=$?
    if [ $rc -eq 0 ] && grep -q "^window: " "$log" && grep -q "^pipeline: .* $kind " "$log" \
            && grep -q "^articles: .* $count\$" "$log" && { [ "$count" = 0 ] || grep -q "^  article: done: " "$log"; }; then
        pass "window on $where, $name: $(grep -E '^(window|pipeline|articles|grab):' "$log" | tr '\n' ';' | sed 's/;$//')"
    else
        fail "window on $where, $name (exit $rc)"; show "$log" 25
    fi
}
window_opens project 1 trained "$TMP/sample.standpoint"
window_opens article 1 trained "$TMP/articles/idlib-offensive-2018.txt"

# 5. the Linux install script: menu entry, icons, .standpoint type; then uninstall
apps=$XDG_DATA_HOME/applications
if "$APPDIR/install-linux.sh" > "$TMP/install.log" 2>&1 \
        && grep -q "^Exec=\"$APP\" %F$" "$apps/org.standpoint.Standpoint.desktop" \
        && [ -f "$XDG_DATA_HOME/mime/packages/org.standpoint.Standpoint.xml" ] \
        && [ -f "$XDG_DATA_HOME/icons/hicolor/256x256/apps/org.standpoint.Standpoint.png" ] \
        && [ -L "$HOME/.local/bin/standpoint-app" ]; then
    detail="desktop entry, mime type, icons, ~/.local/bin/standpoint-app"
    if command -v desktop-file-validate >/dev/null 2>&1; then
        if desktop-file-validate "$apps/org.standpoint.Standpoint.desktop" > "$TMP/validate.log" 2>&1; then
            detail="$detail; desktop-file-validate clean"
        else
            fail "desktop-file-validate"; show "$TMP/validate.log"
        fi
    fi
    if [ -f "$XDG_DATA_HOME/mime/mime.cache" ]; then
        grep -q "standpoint" "$XDG_DATA_HOME/mime/globs2" && detail="$detail; *.standpoint in the mime database"
    fi
    pass "install-linux.sh: $detail"
else
    fail "install-linux.sh"; show "$TMP/install.log"
fi
if "$APPDIR/install-linux.sh" --uninstall > "$TMP/uninstall.log" 2>&1 \
        && [ ! -e "$apps/org.standpoint.Standpoint.desktop" ] && [ ! -e "$HOME/.local/bin/standpoint-app" ]; then
    pass "install-linux.sh --uninstall"
else
    fail "install-linux.sh --uninstall"; show "$TMP/uninstall.log"
fi

# 6. a broken, then a missing bundled model: the app starts on the rule-based fallback, never crashes
MODEL=$(ls -d "$APPDIR"/_internal/models/*/ 2>/dev/null | head -n 1)
if [ -n "$MODEL" ]; then
    cp "$MODEL/config.cfg" "$TMP/config.cfg.bak"
    printf '[nlp\nthis is not a config\n' > "$MODEL/config.cfg"
    if env -u DISPLAY timeout "$TIMEOUT" "$APP" --self-test --allow-fallback --no-charts > "$TMP/broken.log" 2>&1 \
            && grep -q "fallback (rule-based).*W002" "$TMP/broken.log"; then
        pass "broken model: self-test passes on the fallback (W002)"
    else
        fail "broken model"; show "$TMP/broken.log"
    fi
    window_opens broken-model 1 fallback "$TMP/articles/idlib-offensive-2018.txt"
    rm -rf "$APPDIR/_internal/models"
    if env -u DISPLAY timeout "$TIMEOUT" "$APP" --self-test --allow-fallback --no-charts > "$TMP/missing.log" 2>&1 \
            && grep -q "fallback (rule-based).*W001" "$TMP/missing.log"; then
        pass "missing model: self-test passes on the fallback (W001)"
    else
        fail "missing model"; show "$TMP/missing.log"
    fi
    if env -u DISPLAY timeout "$TIMEOUT" "$APP" --self-test --no-charts > /dev/null 2>&1; then
        fail "missing model: --self-test without --allow-fallback should fail"
    else
        pass "missing model: --self-test without --allow-fallback fails, as it should"
    fi
else
    fail "no bundled model under $APPDIR/_internal/models"
fi

if [ "$failures" -eq 0 ]; then
    echo "smoke test: all $checks checks ok"
else
    echo "smoke test: $failures of $checks checks FAILED"
fi
[ "$failures" -eq 0 ]
