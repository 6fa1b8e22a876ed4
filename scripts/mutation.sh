#!/usr/bin/env bash
# Mutation testing (PIT) of the code that decides numbers, one module at a time: runtime (the product and
# element-wise kernels), autodiff (the VJP and rewrite rules), codegen (the lowering). Each module's classes and
# tests are in its `mutation` profile; its report is <module>/target/pit-reports/index.html (and mutations.xml,
# which the summary below counts per package).
#
#   scripts/mutation.sh [runtime] [autodiff] [codegen]     (all three when none is named)
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(runtime autodiff codegen)
for module in "${modules[@]}"; do
  case $module in
    runtime) reactor=runtime ;;
    autodiff) reactor=runtime,graph,autodiff ;;
    codegen) reactor=runtime,graph,autodiff,codegen ;;
    *) echo "mutation.sh: no mutants in '$module' (runtime, autodiff or codegen)" >&2; exit 2 ;;
  esac
  skips=() # the modules built beside it keep their mutants to themselves
  for other in runtime autodiff codegen; do
    [ "$other" = "$module" ] || skips+=("-Dpit.skip.$other=true")
  done
  start=$SECONDS
  nice -n 10 mvn -q -B -Dstyle.color=never -Pmutation -pl "$reactor" verify "${skips[@]}"
  echo "$module: $((SECONDS - start)) s"
  python3 scripts/mutation-summary.py "$module/target/pit-reports/mutations.xml"
done
