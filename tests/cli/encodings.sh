#!/usr/bin/env bash
# The same document in UTF-8, UTF-8 with BOM, UTF-16LE/BE with BOM and GB18030 gives identical
# tasks (only the encoding field differs); a forced encoding that does not fit is reported with
# file and line while the other inputs are still parsed. $1 = CLI, $2 = repo root.
set -euo pipefail
cli=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
src=$root/examples/jingzhou-2020.txt

cp "$src" "$tmp/utf8.txt"
{ printf '\xEF\xBB\xBF'; cat "$src"; } >"$tmp/utf8bom.txt"
{ printf '\xFF\xFE'; iconv -f UTF-8 -t UTF-16LE "$src"; } >"$tmp/utf16le.txt"
{ printf '\xFE\xFF'; iconv -f UTF-8 -t UTF-16BE "$src"; } >"$tmp/utf16be.txt"
iconv -f UTF-8 -t GB18030 "$src" >"$tmp/gb18030.txt"

normalise() { grep -v -E '"(encoding|source)"|^\s*"[^"]*/[a-z0-9]+\.txt",?$' "$1"; }
"$cli" parse "$tmp/utf8.txt" >"$tmp/utf8.json"
normalise "$tmp/utf8.json" >"$tmp/reference"
[ "$(grep -c '"leads":' "$tmp/reference")" -eq 114 ] || fail "reference has not 114 tasks"
for enc in utf8bom:UTF-8 utf16le:UTF-16LE utf16be:UTF-16BE gb18030:GB18030; do
  file=${enc%%:*}
  name=${enc#*:}
  "$cli" parse "$tmp/$file.txt" >"$tmp/$file.json"
  grep -q "\"encoding\": \"$name\"" "$tmp/$file.json" || fail "$file: encoding not reported as $name"
  normalise "$tmp/$file.json" | diff -q - "$tmp/reference" >/dev/null || fail "$file: tasks differ from UTF-8"
done

# Forced: reading the GB18030 file as UTF-8 fails with file and line; the good file is still parsed.
set +e
"$cli" parse --encoding UTF-8 "$tmp/gb18030.txt" "$tmp/utf8.txt" >"$tmp/forced.json" 2>"$tmp/err"
code=$?
set -e
[ $code -eq 1 ] || fail "forced wrong encoding: exit $code"
grep -q "^$tmp/gb18030.txt: .*line 1" "$tmp/err" || fail "forced error message: $(cat "$tmp/err")"
[ "$(grep -c '"leads":' "$tmp/forced.json")" -eq 114 ] || fail "good input lost next to a bad one"
# Forced GBK reads the GB18030 file.
"$cli" parse --encoding GBK "$tmp/gb18030.txt" >"$tmp/gbk.json"
[ "$(grep -c '"leads":' "$tmp/gbk.json")" -eq 114 ] || fail "forced GBK"

# Binary input is refused with a message, exit 1.
head -c 2000 /dev/urandom >"$tmp/noise.bin"
printf '\x89PNG\r\n\x1a\n\0\0\0' >>"$tmp/noise.bin"
set +e
"$cli" parse "$tmp/noise.bin" >/dev/null 2>"$tmp/err"
code=$?
set -e
[ $code -eq 1 ] || fail "binary: exit $code"
grep -q "^$tmp/noise.bin: " "$tmp/err" || fail "binary message"
echo "encodings: ok"
