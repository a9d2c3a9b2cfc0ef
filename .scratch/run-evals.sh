#!/bin/bash
# usage: run-evals.sh [set...]
cd /work/main
npm run --silent ingest -- --full --corpus corpus --out /tmp/ni >/dev/null 2>&1 || { echo ingest failed; exit 1; }
rm -rf /tmp/jz && mkdir -p /tmp/jz && cp -r ../shared/eval/corpora/juzhuzheng /tmp/jz/corpus
npm run --silent ingest -- --full --corpus /tmp/jz/corpus --out /tmp/ji >/tmp/ji.log 2>&1 || { echo jz ingest failed; tail -3 /tmp/ji.log; }
for s in dev dev2; do node ../shared/eval/score.mjs --eval ../shared/eval/$s.jsonl --index /tmp/ni > /tmp/score-$s.txt 2>&1; tail -1 /tmp/score-$s.txt; done
node ../shared/eval/score.mjs --eval ../shared/eval/juzhuzheng.jsonl --corpus /tmp/jz/corpus --index /tmp/ji > /tmp/score-jz.txt 2>&1; tail -1 /tmp/score-jz.txt
