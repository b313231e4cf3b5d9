#!/usr/bin/env bash
# Checks a repaired wheel the way a user meets it: installed alone into a fresh virtualenv, run
# with no LD_LIBRARY_PATH, it must analyse the bundled sample, and load ICU, libstemmer and libxml2 from its
# own copies (presslens.libs/ in site-packages), never from the system.
#   tools/test_wheel.sh [WHEEL]     (no WHEEL: build one with tools/build_wheel.sh)
# Exit code 0 only when every check passes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TITLE="Our city is not ready for the summers that are already here"

say() { printf '\033[1m[test_wheel]\033[0m %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

wheel=${1:-}
[ -n "$wheel" ] || wheel=$(bash "$ROOT/tools/build_wheel.sh")
wheel=$(realpath "$wheel")
say "testing $(basename "$wheel")"

# A throw-away virtualenv, made from the interpreter of .venv so that the wheel's cpXY tag fits.
# Everything runs from inside it: the checkout's python/ must not be importable.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$ROOT/.venv/bin/python" -m venv venv
unset LD_LIBRARY_PATH PYTHONPATH
venv/bin/python -m pip install -q --disable-pip-version-check --no-index --no-deps "$wheel"
site=$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')

# 1. The command line, on the sample article.
venv/bin/presslens analyze --sample >report.txt || { cat report.txt; fail "presslens analyze --sample"; }
grep -qF "$TITLE" report.txt || { cat report.txt; fail "the report lacks the sample's title"; }
say "presslens analyze --sample: $(wc -l <report.txt) lines, title found"

# 2. ICU, libstemmer and libxml2 come from the wheel: as the dynamic loader resolves them (ldd), and as
# they are really mapped into a running process (/proc/self/maps); paths made canonical, since
# the module finds them through $ORIGIN/../presslens.libs. A copy linked statically (cibuildwheel's
# libstemmer) shows in neither list and needs no check.
libs="$(realpath "$site")/presslens.libs"
module=$(ls "$site"/presslens/_presslens*.so)
ldd "$module" >ldd.txt
grep -q 'not found' ldd.txt && { cat ldd.txt; fail "unresolved libraries"; }
awk '/lib(icu|stemmer|xml2)/ && /=>/ { print $3 }' ldd.txt | xargs -r realpath >resolved.txt
venv/bin/python -c 'import presslens._presslens; print(open("/proc/self/maps").read())' |
  grep -oE '/[^ ]*lib(icu|stemmer|xml2)[^ ]*' | sort -u | xargs -r realpath >mapped.txt
grep -q "^$libs/libicuuc" resolved.txt || { cat ldd.txt; fail "ldd: libicuuc is not the wheel's"; }
grep -q "^$libs/libicuuc" mapped.txt || { cat mapped.txt; fail "libicuuc is not loaded from the wheel"; }
grep -q "^$libs/libxml2" mapped.txt || { cat mapped.txt; fail "libxml2 is not loaded from the wheel"; }
grep -v "^$libs/" resolved.txt mapped.txt && fail "the libraries above come from outside the wheel"
say "ICU, libstemmer and libxml2 load from the wheel: $(sort -u mapped.txt | xargs -n1 basename | tr '\n' ' ')"

# 3. What was installed (pip's record of the wheel's files): no headers, static libraries or
# CMake files; the vendored libraries' licences, the syntax models' and the language identifier's
# (CC BY-SA 4.0) and the structure model's credits in the .dist-info.
venv/bin/python -m pip show -f presslens >files.txt
grep -iE '\.(h|hpp|a)$|cmake' files.txt && fail "headers, static libraries or CMake files installed"
for licence in ICU SNOWBALL UD-syntax-models wordfreq-language-model trafilatura-structure-model keyphrase-model; do
  ls "$site"/presslens-*.dist-info/licenses/third-party/$licence-LICENSE >/dev/null ||
    fail "no $licence licence in the .dist-info"
done
say "installed size: $(du -sk "$site"/presslens "$site"/presslens.libs "$site"/presslens-*.dist-info |
  awk '{ total += $1 } END { print total }') KiB (wheel: $(du -k "$wheel" | cut -f1) KiB)"
say "PASS"
