#!/usr/bin/env bash
# Installs the Debian programs some tests use: chromium (viewer tests, report PDF),
# gpsd + gpspipe (NMEA round trip), mosquitto (MQTT scale path), xmllint (ISOXML schema check). Idempotent.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/sbin/gpsd ] || command -v gpsd >/dev/null 2>&1 || need+=(gpsd)
command -v gpspipe >/dev/null 2>&1 || need+=(gpsd-clients)
[ -x /usr/sbin/mosquitto ] || command -v mosquitto >/dev/null 2>&1 || need+=(mosquitto)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
if [ ${#need[@]} -eq 0 ]; then
  echo "install-system-deps: all present (chromium, gpsd, gpspipe, mosquitto, xmllint)"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-system-deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
