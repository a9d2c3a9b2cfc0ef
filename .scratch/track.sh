#!/bin/bash
# Runs the evals and shows which ids changed since the last run.
cd /work/main
.scratch/run-evals.sh > /tmp/summary.txt
cat /tmp/summary.txt
for s in dev dev2 jz; do grep -o "^[a-z][0-9]*:" /tmp/score-$s.txt | sort -u | tr -d : > /tmp/fail-$s.new; done
cat /tmp/fail-*.new | sort > /tmp/fails.new
if [ -f /tmp/fails.old ]; then
  echo "newly failing: $(comm -13 /tmp/fails.old /tmp/fails.new | tr '\n' ' ')"
  echo "newly passing: $(comm -23 /tmp/fails.old /tmp/fails.new | tr '\n' ' ')"
fi
echo "failing: $(cat /tmp/fails.new | tr '\n' ' ')"
cp /tmp/fails.new /tmp/fails.old
