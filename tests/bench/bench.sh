#!/usr/bin/env bash
# End-to-end benchmark: agencygraph against the script a researcher would write (Python re + igraph),
# on a synthetic corpus from agencygraph-gencorpus. Prints wall time, peak RSS and their ratios.
#
#   bench.sh [N]                 N documents (default 3000, about 110 MB)
#   bench.sh --smoke             N=30: seconds, for CI (tests/cli/bench_smoke.sh)
# options:
#   --bin DIR        where agencygraph and agencygraph-gencorpus are (default: $AGENCYGRAPH_BIN or build/bin)
#   --out DIR        keep the corpus and logs in DIR, the GraphML too with --keep-graphml (default: a
#                    temporary directory, removed)
#   --ours 'CMD'     our command; {cli} {dir} {out} are replaced (default: export to GraphML with --timings,
#                    every measure). Also $AGENCYGRAPH_BENCH_OURS.
#   --no-same        skip the second run of ours that computes only the baseline's measures
#   --no-same-graph  skip same_graph.py: betweenness and PageRank of ours and igraph's on the very same
#                    graph, from our export (one run each; the script alone can repeat them)
#   --corpus DIR     use this corpus (made earlier by agencygraph-gencorpus) instead of generating one
#   --seed S         corpus seed (default 20240521)
#   --formats F      basic|all, passed to the generator (default basic: what the baseline's regex can read)
#   --jurisdictions K  the corpus's documents come from K places only (gencorpus --jurisdictions): run
#                    N and 2N with one K to see how memory grows with years of the same places
#   --keep-graphml   keep every run's GraphML in the output directory (default: each is counted, then
#                    deleted before the next run starts; see below)
#   --no-warmup      skip the untimed first run of ours
#   --office DIR     also run ours on DIR/docx and DIR/pdf, the same corpus as Word files and as PDF (made
#                    once, outside the benchmark: tests/bench/corpus_to_docx.py CORPUS DIR/docx, then
#                    tests/bench/corpus_to_pdf.py DIR/docx DIR/pdf), and print documents/s and MB/s of
#                    each beside the text corpus
# Before the timed runs, ours runs once untimed (its output deleted) and Python imports igraph: the
# corpus and both programs are then read from the page cache by every timed run, not from disk by the
# first. Each GraphML is deleted after its run, so that no run's output (up to gigabytes) holds memory
# during the next: on a VM, memory the guest has not touched lately costs a fault in the host on first
# use, which made writing the same 566 MB file take 0.3 s or 1.5 s (docs/performance.md, ninth round).
# Timing is by /usr/bin/time -v; the Python side runs on /usr/bin/python3 (Debian's, with python3-igraph).
# Never used as a timed test: numbers depend on the machine and its load.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=3000
seed=20240521
formats=basic
bin=${AGENCYGRAPH_BIN:-$root/build/bin}
out=""
ours=${AGENCYGRAPH_BENCH_OURS:-}
same=1
same_graph=1
given_corpus=""
jurisdictions=()
keep_graphml=0
warmup=1
office=""

while (($#)); do
  case $1 in
    --smoke) n=30 ;;
    --bin) bin=$2; shift ;;
    --out) out=$2; shift ;;
    --ours) ours=$2; shift ;;
    --seed) seed=$2; shift ;;
    --formats) formats=$2; shift ;;
    --jurisdictions) jurisdictions=(--jurisdictions "$2"); shift ;;
    --no-same) same=0 ;;
    --no-same-graph) same_graph=0 ;;
    --keep-graphml) keep_graphml=1 ;;
    --no-warmup) warmup=0 ;;
    --office) office=$(cd "$2" && pwd); shift ;;
    --corpus) given_corpus=$2; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    [0-9]*) n=$1 ;;
    *) echo "bench.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

cli=$bin/agencygraph
gencorpus=$bin/agencygraph-gencorpus
for tool in "$cli" "$gencorpus" /usr/bin/time /usr/bin/python3; do
  [[ -x $tool ]] || { echo "bench.sh: $tool not found (build first, or pass --bin DIR)" >&2; exit 2; }
done
/usr/bin/python3 -c 'import igraph' 2>/dev/null ||
  { echo "bench.sh: /usr/bin/python3 has no igraph (apt-get install python3-igraph)" >&2; exit 2; }

if [[ -n $out ]]; then
  mkdir -p "$out"
  work=$(cd "$out" && pwd)
  [[ -n $given_corpus ]] || rm -rf "$work/corpus"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
corpus=$work/corpus
[[ -z $given_corpus ]] || corpus=$(cd "$given_corpus" && pwd)

# --provenance full: the GraphML every earlier round measured (task numbers on agencies and links). The
# default since is task ids with a tasks table beside the file, which is a different job (docs/exports.md).
[[ -n $ours ]] || ours='{cli} export {dir} --format graphml --provenance full -o {out}/ours.graphml --timings'
# The same job restricted to the measures the baseline computes (burden, betweenness, PageRank, Louvain).
same_measures='{cli} export {dir} --format graphml --provenance full -o {out}/same.graphml --timings --measures burden,betweenness,pagerank,louvain'
substitute() {
  local command=$1
  command=${command//\{cli\}/\"$cli\"}
  command=${command//\{dir\}/\"$corpus\"}
  command=${command//\{out\}/\"$work\"}
  printf '%s' "$command"
}
ours=$(substitute "$ours")
same_measures=$(substitute "$same_measures")
"$cli" export --help 2>/dev/null | grep -q -- '--measures' || same=0

start=$(date +%s%N)
if [[ -z $given_corpus ]]; then
  "$gencorpus" --out "$corpus" --documents "$n" --seed "$seed" --formats "$formats" "${jurisdictions[@]}" \
    --planted "$work/planted.json" 2>"$work/gencorpus.log"
else
  n="$(find "$corpus" -type f -name '*.txt' ! -name '*_p[0-9]*.txt' | wc -l) (given)"
fi
end=$(date +%s%N)
files=$(find "$corpus" -type f | wc -l)
megabytes=$(du -sb "$corpus" | awk '{printf "%.1f", $1 / 1e6}')

# Seconds and megabytes from a `/usr/bin/time -v` report.
wall_seconds() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$1"; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }
vertices() { if [[ -s $1 ]]; then grep -c '<node ' "$1" || true; else echo "-"; fi; }
graphml_mb() { if [[ -s $1 ]]; then du -b "$1" | awk '{printf "%.0f", $1 / 1e6}'; else echo "-"; fi; }

run() {  # name, command...
  local name=$1; shift
  local status=0
  # The previous run's GraphML (gigabytes at 10,000 documents) may still be in the page cache waiting to
  # be written back; without this the next run's write stage is throttled behind it.
  sync
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.log" 2>&1 || status=$?
  # Counted now, so that the file can go before the next run.
  local graphml=$work/$name.graphml
  echo "$(vertices "$graphml") $(graphml_mb "$graphml")" >"$work/$name.graphml-size"
  ((keep_graphml)) || rm -f "$graphml"
  if ((status != 0)); then
    echo "bench.sh: $name failed (exit $status); last lines of $work/$name.log:" >&2
    tail -5 "$work/$name.log" >&2
    return 1
  fi
}

if ((warmup)); then
  bash -c "$ours" >/dev/null 2>&1 || true
  rm -f "$work/ours.graphml"
  /usr/bin/python3 -c 'import igraph'
fi

failed=0
run ours bash -c "$ours" || failed=1
((same)) && { run same bash -c "$same_measures" || failed=1; }
run python /usr/bin/python3 "$here/baseline_python.py" "$corpus" "$work/python.graphml" || failed=1

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
py_wall=$(wall_seconds "$work/python.time"); py_rss=$(peak_mb "$work/python.time")

printf 'corpus: %s documents, %s files, %s MB (seed %s, formats %s), generated in %.1f s\n' \
  "$n" "$files" "$megabytes" "$seed" "$formats" "$(awk -v a="$start" -v b="$end" 'BEGIN { print (b - a) / 1e9 }')"
printf 'ours:          %s\n' "$ours"
((same)) && printf 'same measures: %s\n' "$same_measures"
((warmup)) && echo 'warm-up:       one untimed run of ours, its output deleted; python3 -c "import igraph"'
((keep_graphml)) || echo 'GraphML:       each file deleted after its run, before the next'
printf '%-36s %8s %12s %10s %10s %14s %14s\n' "" "wall s" "peak RSS MB" "vertices" "GraphML MB" "python/ours t" \
  "python/ours mem"
row() {  # label, name
  local wall rss count megabytes
  wall=$(wall_seconds "$work/$2.time"); rss=$(peak_mb "$work/$2.time")
  read -r count megabytes <"$work/$2.graphml-size"
  printf '%-36s %8s %12s %10s %10s %14s %14s\n' "$1" "$wall" "$rss" "$count" "$megabytes" \
    "$(ratio "$py_wall" "$wall")" "$(ratio "$py_rss" "$rss")"
}
row "agencygraph, every measure" ours
((same)) && row "agencygraph, the baseline's measures" same
read -r py_count py_megabytes <"$work/python.graphml-size"
printf '%-36s %8s %12s %10s %10s\n' "python re + igraph" "$py_wall" "$py_rss" "$py_count" "$py_megabytes"
for name in ours same; do
  [[ -s $work/$name.log ]] && grep -q '^timings' "$work/$name.log" || continue
  echo "agencygraph --timings ($name):"
  sed -n '/^timings/,$p' "$work/$name.log" | sed 's/^/  /'
done
if grep -q '^step ' "$work/python.log"; then
  echo "python steps (wall s):"
  grep '^step ' "$work/python.log" | sed 's/^step /  /'
fi
if [[ -n $office ]]; then
  # Throughput by input format: the same export, over the text corpus and its Word and PDF renderings.
  printf '%-12s %6s %9s %8s %12s %8s %8s\n' "input" "files" "MB" "wall s" "peak RSS MB" "docs/s" "MB/s"
  for kind in text docx pdf; do
    dir=$corpus
    [[ $kind == text ]] || dir=$office/$kind
    [[ -d $dir ]] || { echo "bench.sh: $dir missing (see --office)" >&2; failed=1; continue; }
    command="\"$cli\" export \"$dir\" --format graphml --provenance full -o \"$work/office-$kind.graphml\""
    run "office-$kind" bash -c "$command" || { failed=1; continue; }
    count=$(find "$dir" -type f | wc -l)
    bytes=$(du -sb "$dir" | awk '{print $1}')
    wall=$(wall_seconds "$work/office-$kind.time")
    printf '%-12s %6s %9.1f %8s %12s %8.1f %8.2f\n' "$kind" "$count" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" \
      "$wall" "$(peak_mb "$work/office-$kind.time")" "$(awk -v n="$count" -v w="$wall" 'BEGIN { print w > 0 ? n / w : 0 }')" \
      "$(awk -v b="$bytes" -v w="$wall" 'BEGIN { print w > 0 ? b / 1e6 / w : 0 }')"
  done
fi
if ((same_graph)); then
  sync
  /usr/bin/python3 "$here/same_graph.py" "$corpus" --bin "$bin" --repeat 1 || failed=1
fi
exit "$failed"
