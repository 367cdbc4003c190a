#!/usr/bin/env bash
# Builds the libpulse.so.0 stand-in (see pulse_shim.c) into the backend's resources.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../resources/native/linux-x86_64/libpulse.so.0"
gcc -shared -fPIC -O2 -s -nostdlib -Wl,-soname,libpulse.so.0 -Wl,--version-script="$here/pulse_shim.map" \
    -o "$out" "$here/pulse_shim.c"
echo "built $out"
