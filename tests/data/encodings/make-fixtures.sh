#!/bin/sh
# Regenerates the encoding fixtures with glibc iconv, so that the detector is tested on bytes that
# ICU did not make. sample.utf8.txt is the reference: lines 1, 27 and 29 of examples/jingzhou-2020.txt
# and one line with full-width punctuation; test_decode.cpp embeds the same text.
set -eu
cd "$(dirname "$0")"
ex=../../../examples/jingzhou-2020.txt
{
  sed -n '1p;27p;29p' "$ex"
  printf '12.推进老旧小区改造。（牵头单位：市住建局；责任单位：市财政局，各县市区政府）\n'
} > sample.utf8.txt
iconv -f UTF-8 -t GBK sample.utf8.txt > sample.gbk.txt
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE sample.utf8.txt; } > sample.utf16le-bom.txt
iconv -f UTF-8 -t UTF-16BE sample.utf8.txt > sample.utf16be-nobom.txt
