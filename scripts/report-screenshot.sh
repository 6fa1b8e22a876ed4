#!/usr/bin/env bash
# Remakes docs/report.png, the README's picture of the report: the MNIST network trained with its own settings,
# checked against the hand-derived formulas with two mistakes, photographed by Debian's headless chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
./deltac report examples/mnist_mlp.java --by-hand examples/mnist_mlp_by_hand_mistakes.java --train \
  -o out/report-readme.html >/dev/null
chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,2700 \
  --virtual-time-budget=8000 --screenshot=docs/report.png out/report-readme.html 2>/dev/null
echo "docs/report.png"
