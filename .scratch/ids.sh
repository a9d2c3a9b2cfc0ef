#!/bin/bash
# usage: ids.sh INDEX SETFILE id...   (ids of one session must be given in order)
idx=$1; set=$2; shift 2
msgs=()
for id in "$@"; do msgs+=("$(grep "\"id\":\"$id\"" $set | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).message))')"); done
npx tsx .scratch/try.ts $idx "${msgs[@]}" 2>&1 | grep -v "npm warn" | cut -c1-260
