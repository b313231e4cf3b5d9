#!/usr/bin/env bash
# cibuildwheel's before-all on Linux (pyproject.toml, [tool.cibuildwheel.linux]): runs once in each
# manylinux_2_28 container (AlmaLinux 8) before its wheels are built, and installs into /usr/local
# the two C libraries presslens links:
#  - ICU 72.1, built from source. The image's libicu-devel is ICU 60, which lacks
#    UCHAR_EXTENDED_PICTOGRAPHIC (ICU 62) that presslens uses; 72.1 is also the ICU of Debian 12,
#    where the project is developed and tested, so wheels give the same results (same Unicode data).
#    Shared libraries only: auditwheel copies them into the wheel.
#  - Snowball's libstemmer (not packaged there), from its C release: a static library built with
#    -fPIC, so it is linked into the module itself.
#  - libxml2 (the HTML parser) from the image's own packages (libxml2-devel, AlmaLinux 8); auditwheel
#    copies the shared library into the wheel, and its licence is in /usr/share/licenses/libxml2.
#  - nlohmann/json 3.11.2 (header only, for JSON-LD in pages), from its release tag.
# Their licence texts land where python/CMakeLists.txt looks for them. Downloads are pinned by
# SHA-256 (the JSON headers by their git tag).
set -euo pipefail

PREFIX=/usr/local
ICU_URL=https://github.com/unicode-org/icu/releases/download/release-72-1/icu4c-72_1-src.tgz
ICU_SHA256=a2d2d38217092a7ed56635e34467f92f976b370e20182ad325edea6681a71d68
SNOWBALL_URL=https://snowballstem.org/dist/libstemmer_c-2.2.0.tar.gz
SNOWBALL_SHA256=b941d9fe9cf36b4e2f8d3873cd4d8b8775bd94867a1df8d8c001bb8b688377c3

# Downloads $1, checks it against $2, unpacks it into the current folder.
fetch() {
  curl -fsSL --retry 3 -o source.tar.gz "$1"
  echo "$2  source.tar.gz" | sha256sum -c --quiet -
  tar -xzf source.tar.gz && rm source.tar.gz
}

cd "$(mktemp -d)"

fetch "$ICU_URL" "$ICU_SHA256"
(cd icu/source &&
  ./configure --prefix="$PREFIX" --enable-shared --disable-static --disable-tests --disable-samples \
    --disable-extras --disable-icuio --disable-layoutex &&
  make -j"$(nproc)" && make install)
# `make install` puts ICU's LICENSE in $PREFIX/share/icu/72.1/, which is where CMake looks.

fetch "$SNOWBALL_URL" "$SNOWBALL_SHA256"
cd libstemmer_c-2.2.0
make CFLAGS="-O2 -fPIC -Iinclude" libstemmer.a
install -m 644 include/libstemmer.h "$PREFIX/include/"
install -m 644 libstemmer.a "$PREFIX/lib/"
# The wheel must carry Snowball's licence: stop here rather than build wheels without it.
[ -f COPYING ] || { echo "libstemmer_c-2.2.0 has no COPYING (Snowball's licence)" >&2; exit 1; }
install -D -m 644 COPYING "$PREFIX/share/doc/libstemmer/COPYING"

dnf install -y libxml2-devel

cd "$(mktemp -d)"
git clone --quiet --depth 1 --branch v3.11.2 https://github.com/nlohmann/json.git json
cmake -S json -B json/build -DJSON_BuildTests=OFF -DCMAKE_INSTALL_PREFIX="$PREFIX" >/dev/null
cmake --install json/build >/dev/null
install -D -m 644 json/LICENSE.MIT "$PREFIX/share/doc/nlohmann_json/LICENSE.MIT"

# auditwheel finds the libraries it vendors through the loader's search path, which on AlmaLinux
# does not include /usr/local/lib.
echo "$PREFIX/lib" >/etc/ld.so.conf.d/presslens-local.conf
ldconfig
