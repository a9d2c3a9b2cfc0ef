import nodejieba from 'nodejieba';
console.log(nodejieba.cut('听人说医保转过去得等一个半月'));
console.log(nodejieba.insertWord('转过去'), nodejieba.insertWord('带过去'));
console.log(nodejieba.cut('听人说医保转过去得等一个半月'), nodejieba.cut('统筹基金那部分能一起带过去吗'));
console.log(nodejieba.tag('医保转过去得等'));
