# Sourced by tools/analyze and tools/test: makes this checkout ready to run, and is safe to repeat.
#  1. Debian/Ubuntu packages the build and the tests need (Chromium for the screenshot test),
#     installed with apt when running as root;
#  2. a virtualenv in .venv with the build tools;
#  3. one CMake build in build/dev (library, Python module, C++ tests and benchmarks), installed
#     into .venv. Rebuilds are incremental.
set -euo pipefail

PRESSLENS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PRESSLENS_VENV="$PRESSLENS_ROOT/.venv"
PRESSLENS_BUILD="$PRESSLENS_ROOT/build/dev"
APT_PACKAGES=(g++ pkg-config libicu-dev libstemmer-dev libxml2-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang-format chromium)

say() { printf '\033[1m[presslens]\033[0m %s\n' "$*" >&2; }

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || {
    say "not a Debian-like system: make sure a C++20 compiler, ICU and GoogleTest are installed"
    return 0
  }
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    say "missing system packages; install them, then run this again:"
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

make_virtualenv() {
  [ -x "$PRESSLENS_VENV/bin/python" ] || { say "creating .venv"; python3 -m venv "$PRESSLENS_VENV"; }
  "$PRESSLENS_VENV/bin/python" -m pip install -q --disable-pip-version-check \
    "scikit-build-core>=0.10" "pybind11>=2.13" "cmake>=3.21" ninja \
    "pytest>=7" pandas hypothesis "dask[bag,dataframe,distributed]" nbclient nbformat ipykernel \
    matplotlib
}

install_presslens() {
  say "building and installing presslens into .venv (build tree: build/dev)"
  # One build serves everything: the wheel's module plus the C++ tests and benchmarks.
  "$PRESSLENS_VENV/bin/python" -m pip install -q --disable-pip-version-check \
    --no-build-isolation --no-deps "$PRESSLENS_ROOT" \
    -Cbuild-dir="$PRESSLENS_BUILD" \
    -Ccmake.define.PRESSLENS_BUILD_TESTS=ON \
    -Ccmake.define.PRESSLENS_BUILD_BENCHMARKS=ON
}

install_system_packages
make_virtualenv
install_presslens
export PATH="$PRESSLENS_VENV/bin:$PATH"
