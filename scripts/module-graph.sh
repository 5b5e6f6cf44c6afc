#!/usr/bin/env bash
# The crate's module graph as Graphviz dot: one edge per top-level module that uses another
# (`crate::x` in code, comments left out). tests/architecture.rs checks the same graph points one
# way (content → triage → app → ui → runners) and has no circle.
#
#   scripts/module-graph.sh | dot -Tsvg > docs/modules.svg
set -euo pipefail
cd "$(dirname "$0")/.."
echo 'digraph modules {'
echo '  rankdir=BT; node [shape=box, fontname="DejaVu Sans"];'
find src -name '*.rs' ! -path 'src/lib.rs' ! -path 'src/main.rs' ! -path 'src/bin/*' | sort | while read -r f; do
  m=$(echo "$f" | sed -E 's#^src/##; s#/.*##; s#\.rs$##')
  sed -E 's#//.*##' "$f" | { grep -oE 'crate::[a-z_][a-z0-9_]*' || true; } | sed 's/crate:://' | sort -u | while read -r d; do
    if [ "$d" != "$m" ]; then echo "  \"$m\" -> \"$d\";"; fi
  done
done | sort -u
echo '}'
