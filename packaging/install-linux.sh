#!/bin/sh
# Installs this unpacked Standpoint folder for the current user (~/.local): menu entry, icons, .standpoint files.
# Usage: ./install-linux.sh            install (run again after moving the folder)
#        ./install-linux.sh --uninstall
set -eu

APP_ID=org.standpoint.Standpoint
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
BIN=$HOME/.local/bin
SIZES="16 24 32 48 64 128 256 512"

refresh() {
    # Each cache tool is optional: a desktop without it rescans on its own.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$DATA/mime" >/dev/null 2>&1 || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -f -t "$DATA/icons/hicolor" >/dev/null 2>&1 || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/mime/packages/$APP_ID.xml" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        rm -f "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
              "$DATA/icons/hicolor/${size}x${size}/mimetypes/application-x-standpoint-project.png"
    done
    if [ -L "$BIN/standpoint-app" ]; then rm -f "$BIN/standpoint-app"; fi
    refresh
    echo "Standpoint removed from the applications menu (the folder $HERE was left as it is)."
    exit 0
fi

if [ ! -x "$HERE/Standpoint" ]; then
    echo "install-linux.sh: $HERE/Standpoint not found; run this script from the unpacked Standpoint folder." >&2
    exit 1
fi

for size in $SIZES; do
    for kind in apps mimetypes; do mkdir -p "$DATA/icons/hicolor/${size}x${size}/$kind"; done
    cp "$HERE/icons/standpoint-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    cp "$HERE/icons/standpoint-$size.png" "$DATA/icons/hicolor/${size}x${size}/mimetypes/application-x-standpoint-project.png"
done
mkdir -p "$DATA/icons/hicolor/scalable/apps" "$DATA/applications" "$DATA/mime/packages" "$BIN"
cp "$HERE/icons/standpoint.svg" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
cp "$HERE/standpoint-mime.xml" "$DATA/mime/packages/$APP_ID.xml"

# The Exec path is quoted so that a folder with spaces works; the desktop entry spec escapes \ " ` $.
quoted=$(printf '%s' "$HERE/Standpoint" | sed -e 's/[\\"`$]/\\\\&/g')
sed -e "s|^Exec=.*|Exec=\"$quoted\" %F|" -e "s|^TryExec=.*|TryExec=$HERE/Standpoint|" \
    "$HERE/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
chmod 644 "$DATA/applications/$APP_ID.desktop"
ln -sf "$HERE/Standpoint" "$BIN/standpoint-app"

refresh
if command -v xdg-mime >/dev/null 2>&1; then xdg-mime default "$APP_ID.desktop" application/x-standpoint-project 2>/dev/null || true; fi

echo "Standpoint installed for $(id -un):"
echo "  menu entry  $DATA/applications/$APP_ID.desktop"
echo "  file type   .standpoint projects open in Standpoint; articles (.txt .html .pdf) offer \"Open with Standpoint\""
echo "  command     $BIN/standpoint-app"
