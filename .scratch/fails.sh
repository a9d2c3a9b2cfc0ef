#!/bin/bash
# usage: fails.sh dev|dev2|jz
case $1 in dev) f=../shared/eval/dev.jsonl; i=/tmp/ni; c=corpus;; dev2) f=../shared/eval/dev2.jsonl; i=/tmp/ni; c=corpus;; jz) f=../shared/eval/juzhuzheng.jsonl; i=/tmp/ji; c=/tmp/jz/corpus;; esac
node ../shared/eval/score.mjs --eval $f --index $i --corpus $c --verbose 2>&1 > /tmp/verbose.txt
node -e '
const lines=require("fs").readFileSync("/tmp/verbose.txt","utf8").split("\n");
const fails={};
for(const l of lines){const m=/^(\w+): (.*)$/.exec(l); if(m && !l.startsWith(m[1]+" {")) (fails[m[1]]??=[]).push(m[2]);}
for(const l of lines){const m=/^(\w+) (\{.*)$/.exec(l); if(!m||!fails[m[1]]) continue; let r; try{r=JSON.parse(m[2])}catch{r={answer:m[2]}}
 console.log("## "+m[1]+" :: "+fails[m[1]].join(" | ")); console.log("   "+String(r.answer||"").split("\n\n")[0].slice(0,160).replace(/\n/g," / "));}
'
