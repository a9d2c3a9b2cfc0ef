import nodejieba from 'nodejieba';
for (const w of ['个人账户','统筹账户','医保钱包','参保凭证','新参保地','原参保地','转移接续','居住证','居住登记']) nodejieba.insertWord(w);
const qs = process.argv.slice(2);
for (const q of qs) console.log(nodejieba.tag(q).map(t=>t.word+'/'+t.tag).join(' '));
