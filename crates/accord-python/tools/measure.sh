#!/usr/bin/env bash
# Throughput of the Spark job (local[1], local[2]) against `accord extract` on the same articles — a
# measurement, not a test. Run from the repository root after scripts/test (or a release build of
# accord-cli and the wheel installed in target/pyenv): crates/accord-python/tools/measure.sh [TEXT_DIR]
set -euo pipefail
IN=${1:-../shared/data/polnear/data/train/text}
A=${ACCORD_BIN:-target/release/accord}
PY=${PY:-target/pyenv/bin/python}
export PYSPARK_PYTHON=$PWD/$PY PYSPARK_DRIVER_PYTHON=$PWD/$PY
n=$(find "$IN" -type f | wc -l)
words=$(cat "$IN"/* | wc -w)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>"$out/err" || { tail -20 "$out/err" >&2; exit 1; }; e=$(date +%s.%N); awk -v a="$s" -v b="$e" 'BEGIN {printf "%.1f", b - a}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN {printf "%.1f", n / s}'; }
echo "$n articles, $words words, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in 1 2; do
  s=$(RAYON_NUM_THREADS=$threads secs "$A" extract "$IN")
  echo "accord extract, $threads thread(s): $s s, $(rate "$n" "$s") articles/s"
done
for m in 'local[1]' 'local[2]'; do
  s=$(secs "$PY" -m accord.spark.job --master "$m" --input "$IN" --output "$out/${m//[^a-z0-9]/}")
  job=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['seconds'])" "$out/${m//[^a-z0-9]/}/summary.json")
  echo "spark job $m: $s s wall ($job s after start-up), $(rate "$n" "$job") articles/s after start-up"
done
