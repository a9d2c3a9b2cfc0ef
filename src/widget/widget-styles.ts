// The widget's styles, scoped by its shadow root.

export const widgetStyles = `
:host { all: initial; position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; font: 15px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2933; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; }
.launcher { width: 56px; height: 56px; border-radius: 50%; border: none; background: #0b6bcb; color: #fff; font-size: 15px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.panel { position: absolute; right: 0; bottom: 68px; width: 380px; height: 600px; max-height: calc(100vh - 100px); display: flex; flex-direction: column; background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; }
.panel[hidden] { display: none; }
header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: #0b6bcb; color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 16px; }
header button { background: transparent; border: 1px solid rgba(255,255,255,.6); color: #fff; border-radius: 6px; padding: 2px 8px; font-size: 13px; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
.greeting p { margin: 0 0 8px; }
.examples { display: flex; flex-direction: column; gap: 6px; }
.examples button { text-align: left; background: #eef5fc; border: 1px solid #c9def3; border-radius: 8px; padding: 6px 10px; color: #0b4f96; }
.message { max-width: 92%; padding: 8px 10px; border-radius: 10px; white-space: pre-wrap; word-break: break-word; }
.user { align-self: flex-end; background: #0b6bcb; color: #fff; }
.assistant { align-self: flex-start; background: #f2f4f7; }
.footnote { border: none; background: none; color: #0b6bcb; padding: 0 1px; font-size: 12px; vertical-align: super; text-decoration: underline; }
.source { margin-top: 6px; padding: 8px; background: #fff; border: 1px solid #d5dbe3; border-radius: 8px; font-size: 13px; white-space: normal; }
.source blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #c9def3; color: #3e4c59; }
.conflicts { margin-top: 8px; padding: 8px; border: 1px solid #f0b429; background: #fffbea; border-radius: 8px; font-size: 13px; white-space: normal; }
.conflicts h3 { margin: 0 0 4px; font-size: 13px; color: #8d5b00; }
.disclaimer { margin-top: 6px; font-size: 12px; color: #616e7c; white-space: normal; }
.error { align-self: stretch; padding: 8px 10px; border-radius: 8px; background: #ffe3e3; color: #8a1c1c; font-size: 14px; }
.error button { margin-left: 8px; border: 1px solid #8a1c1c; background: #fff; color: #8a1c1c; border-radius: 6px; padding: 0 8px; }
.feedback { margin-top: 6px; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; font-size: 13px; color: #616e7c; white-space: normal; }
.feedback .rate { border: 1px solid #cbd2d9; background: #fff; border-radius: 6px; padding: 0 8px; }
.feedback .comment { flex-basis: 100%; display: flex; gap: 6px; }
.feedback .comment textarea { height: 52px; }
.feedback .comment button { border: none; border-radius: 8px; background: #0b6bcb; color: #fff; padding: 0 12px; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e4e7eb; }
textarea { flex: 1; resize: none; height: 44px; padding: 8px; border: 1px solid #cbd2d9; border-radius: 8px; font: inherit; }
form button { border: none; border-radius: 8px; background: #0b6bcb; color: #fff; padding: 0 14px; }
form button:disabled { background: #9aa5b1; }
@media (max-width: 480px) {
  :host { right: 12px; bottom: 12px; }
  .panel { position: fixed; inset: 0; width: 100vw; height: 100vh; max-height: none; border-radius: 0; }
}
`;
