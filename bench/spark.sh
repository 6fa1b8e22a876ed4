#!/usr/bin/env bash
# bench/spark.sh: data-parallel training on Spark beside single-machine `deltac train`, on this machine.
# Samples/s per epoch and milliseconds per synchronization for the textbook MNIST network (784-128-10, batch 64)
# and bench/specs/wide_mlp.java (784-1024-1024-10, batch 256): one JVM, then spark-submit on a local-cluster of one
# and of two executors (each its own JVM with one core), synchronous and averaging every 10 steps; and the bytes a
# task sends back per step, from the executors' logs.
#
#   bench/spark.sh                 # EPOCHS=3 for the MNIST network, 1 for the wide one
#
# Needs cli/target/deltac-all.jar, spark/target/deltac-spark.jar and spark/target/spark-home (built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${EPOCHS:-3}
log=$(mktemp)

if [ ! -f spark/target/deltac-spark.jar ] || [ ! -d spark/target/spark-home/jars ]; then
  mvn -q -B -Dstyle.color=never -pl spark -am -DskipTests package dependency:copy-dependencies@spark-home
fi
[ -f cli/target/deltac-all.jar ] || mvn -q -B -Dstyle.color=never -pl cli -am -DskipTests package

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores"
java -version 2>&1 | sed -n 1p
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

one_jvm() {
  echo "== deltac train $*  (one JVM)"
  java --add-modules jdk.incubator.vector -jar cli/target/deltac-all.jar train "$@" --val 0 | grep -E '^(epoch|test)'
}

# spark-submit as the script does it: java -cp SPARK_HOME/jars/* SparkSubmit; the driver is this JVM
submit() {
  local executors=$1
  shift
  echo "== spark-submit --master local-cluster[$executors,1,1024] ... $*"
  rm -rf spark/target/spark-home/work
  SPARK_HOME=spark/target/spark-home SPARK_SCALA_VERSION=2.13 \
    java --add-modules jdk.incubator.vector --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    -cp 'spark/target/spark-home/jars/*' org.apache.spark.deploy.SparkSubmit \
    --master "local-cluster[$executors,1,1024]" --conf spark.executor.memory=768m --conf spark.ui.enabled=false \
    --class deltac.spark.Train spark/target/deltac-spark.jar "$@" 2>"$log" | grep -E '^(training|epoch|test|[0-9]+ synchron)' \
    || { tail -20 "$log"; exit 1; }
  # "Finished task 0.0 in stage 7.0 (TID 9). 407956 bytes result sent to driver": the median over the run's tasks
  cat spark/target/spark-home/work/*/*/stderr 2>/dev/null | grep -o '[0-9]* bytes result sent' | awk '{print $1}' \
    | sort -n | awk '{a[NR]=$1} END {if (NR) print "task result, median: " a[int((NR+1)/2)] " bytes (" NR " tasks)"}'
}

one_jvm examples/mnist_mlp.java --data mnist --epochs "$epochs" --batch 64 --optimizer adam --lr 0.005
submit 1 examples/mnist_mlp.java --data mnist --epochs "$epochs" --batch 64 --partitions 1
submit 2 examples/mnist_mlp.java --data mnist --epochs "$epochs" --batch 64 --partitions 2
submit 2 examples/mnist_mlp.java --data mnist --epochs "$epochs" --batch 64 --partitions 2 --mode average --average-every 10

one_jvm bench/specs/wide_mlp.java --data mnist --epochs 1 --batch 256
submit 1 bench/specs/wide_mlp.java --data mnist --epochs 1 --batch 256 --partitions 1
submit 2 bench/specs/wide_mlp.java --data mnist --epochs 1 --batch 256 --partitions 2
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$log"
