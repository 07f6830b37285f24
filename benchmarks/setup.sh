#!/bin/sh
# Tools the benchmarks compare against or measure with (Debian packages), and the corpus.
# Run once as root on a fresh machine: sh benchmarks/setup.sh
set -eu
apt-get update -qq
apt-get install -y -qq --no-install-recommends poppler-utils hyperfine time \
    libreoffice-writer-nogui >/dev/null
cd "$(dirname "$0")/.."
python benchmarks/corpus.py --out benchmarks/corpus
