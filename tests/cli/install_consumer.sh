#!/usr/bin/env bash
# The library as another CMake project uses it: install the build into a temporary prefix, then build
# examples/list_tasks.cpp as a separate project with find_package(agencygraph CONFIG) and run it.
# $1: the agencygraph command (its build tree is two levels up), $2: the repository root.
set -euo pipefail
cli=$1
root=$2
build=$(cd "$(dirname "$cli")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install_consumer: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }
[[ -f "$tmp/prefix/include/agencygraph/extract.hpp" ]] || fail "public headers not installed"
[[ ! -e "$tmp/prefix/include/analysis" && ! -e "$tmp/prefix/include/extract" ]] || fail "private headers installed"
version=$(sed -n 's/^project(agencygraph VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
grep -q "\"$version\"" "$tmp/prefix/lib/cmake/agencygraph/agencygraphConfigVersion.cmake" 2>/dev/null ||
  grep -rq "$version" "$tmp/prefix"/lib*/cmake/agencygraph/agencygraphConfigVersion.cmake || fail "version file does not say $version"

mkdir "$tmp/consumer"
cat >"$tmp/consumer/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.20)
project(consumer LANGUAGES CXX)
find_package(agencygraph $version CONFIG REQUIRED)
add_executable(list_tasks "$root/examples/list_tasks.cpp")
target_link_libraries(list_tasks PRIVATE agencygraph::agencygraph)
CMAKE
cmake -S "$tmp/consumer" -B "$tmp/consumer/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_BUILD_TYPE=Release \
  >"$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log" >&2; fail "the consumer project does not configure"; }
cmake --build "$tmp/consumer/build" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; fail "the consumer does not build"; }
out=$("$tmp/consumer/build/list_tasks" "$root/examples/jingzhou-2020.txt") || fail "list_tasks failed"
[[ -n "$out" ]] || fail "list_tasks printed nothing"
grep -q "市发改委" <<<"$out" || fail "list_tasks output lacks 市发改委: $(head -3 <<<"$out")"
echo "install_consumer: ok ($(wc -l <<<"$out") lines from list_tasks)"
