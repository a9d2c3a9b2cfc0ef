// The console's styles: plain, readable, with visible focus.
export const consoleStyles = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1d2733;background:#f5f7fa}
header{background:#17324d;color:#fff;padding:.6rem 1.5rem;display:flex;flex-wrap:wrap;align-items:center;gap:1rem}
header h1{font-size:1.15rem;margin:0 1rem 0 0}
nav{display:flex;align-items:center;gap:1rem;flex:1}
nav ul{list-style:none;margin:0;padding:0;display:flex;gap:.25rem;flex-wrap:wrap}
nav a{color:#dbe7f3;text-decoration:none;padding:.35rem .75rem;border-radius:4px;display:inline-block}
nav a[aria-current=page]{background:#fff;color:#17324d;font-weight:600}
nav a:hover{background:#2b4f73;color:#fff}
.sign-out{margin-left:auto}
main{padding:1.2rem 1.5rem;max-width:90rem}
main:focus{outline:none}
h2{font-size:1.3rem;margin:.2rem 0 1rem}
h2:focus{outline:none}
h3{font-size:1.05rem;margin:1.4rem 0 .6rem}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1rem;box-shadow:0 1px 2px #0001}
caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{border-bottom:1px solid #e3e8ee;padding:.45rem .6rem;text-align:left;vertical-align:top}
th{background:#eef2f6;font-weight:600;white-space:nowrap}
form{background:#fff;padding:1rem;border-radius:6px;box-shadow:0 1px 2px #0001;margin:0 0 1rem;display:grid;gap:.5rem;max-width:60rem}
form.inline{display:flex;flex-wrap:wrap;align-items:end;gap:.6rem;max-width:none}
form.inline label{display:flex;flex-direction:column;font-size:.9rem}
.fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.5rem .8rem}
.fields label{display:flex;flex-direction:column;font-size:.9rem}
label{font-weight:500}
input,select,textarea,button{font:inherit}
input,select,textarea{padding:.35rem .5rem;border:1px solid #9aa8b6;border-radius:4px;background:#fff}
textarea{min-height:4.5rem}
button{padding:.35rem .9rem;border:1px solid #17324d;border-radius:4px;background:#17324d;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#17324d}
button.danger{background:#fff;color:#a4262c;border-color:#a4262c}
button:disabled{opacity:.5;cursor:not-allowed}
:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.status{min-height:1.5em;margin:.3rem 0}
.status.ok{color:#13653a}.status.error{color:#a4262c}.status.busy{color:#555}
.notice{background:#fff4ce;border:1px solid #e6c35c;padding:.8rem 1rem;border-radius:6px}
.hint{color:#5a6776;font-size:.9rem;margin:0}
.badge{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.85rem;background:#e3e8ee;margin-right:.3rem}
.badge.adopted{background:#d3f0dc;color:#13653a}.badge.rejected{background:#fbe0e0;color:#a4262c}.badge.off{background:#fbe0e0;color:#a4262c}
.value{margin:0 0 .5rem}
.value ul{margin:.2rem 0 0;padding-left:1.2rem}
.actions{display:flex;gap:.4rem;flex-wrap:wrap}
.answer{background:#fff;padding:1rem;border-radius:6px;white-space:pre-wrap;box-shadow:0 1px 2px #0001}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.4rem;z-index:9}
.sign-in{max-width:26rem;margin:3rem auto}
code{background:#eef2f6;padding:0 .25rem;border-radius:3px}
`;
