/** Styles of the cards inside their shadow root: readable on light and dark pages, no page CSS leaks in. */
export const CARD_CSS = `
:host { all: initial; }
.dossier-card-frame {
  position: fixed; z-index: 2147483646; width: min(380px, calc(100vw - 16px)); max-height: min(70vh, 560px);
  overflow: auto; box-sizing: border-box; padding: 12px 14px; border-radius: 10px;
  font: 13px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: #1d2330; background: #ffffff; border: 1px solid #c9d1de; box-shadow: 0 8px 28px rgba(0,0,0,.22);
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  .dossier-card-frame { color: #e7ebf2; background: #1f2430; border-color: #3a4254; color-scheme: dark; }
  .muted { color: #9aa5b8 !important; }
  a { color: #8ab4ff !important; }
  blockquote { border-color: #4a5368 !important; }
  button { background: #2b3242 !important; color: inherit !important; border-color: #4a5368 !important; }
  textarea { background: #151922 !important; color: inherit !important; border-color: #4a5368 !important; }
}
@media (prefers-reduced-motion: no-preference) { .dossier-card-frame { animation: dossier-in .12s ease-out; } }
@keyframes dossier-in { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
h2 { font-size: 16px; margin: 0 28px 2px 0; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; margin: 10px 0 4px; color: #5b6577; }
p { margin: 2px 0; }
.muted { color: #5b6577; }
.error { color: #b3261e; }
a { color: #1f5fbf; text-decoration: none; } a:hover { text-decoration: underline; }
ul, ol, dl { margin: 0; padding: 0; list-style: none; }
dl.titles div, dl.facts div { margin: 2px 0 6px; } dt { font-weight: 600; } dd { margin: 0 0 0 10px; }
ol.articles li { margin: 0 0 6px; }
blockquote { margin: 2px 0 0; padding: 0 0 0 8px; border-left: 3px solid #d6dce6; color: inherit; }
.chips { display: flex; flex-wrap: wrap; gap: 4px; }
button { font: inherit; cursor: pointer; border: 1px solid #c9d1de; background: #f4f6fa; color: inherit; border-radius: 6px; padding: 2px 8px; }
button:disabled { opacity: .6; cursor: default; }
button.quiet { background: transparent; }
button.close { position: absolute; top: 8px; right: 8px; border: none; background: transparent; font-size: 16px; line-height: 1; padding: 4px; }
textarea { box-sizing: border-box; width: 100%; font: inherit; border: 1px solid #c9d1de; border-radius: 6px; padding: 4px 6px; margin: 4px 0; resize: vertical; }
:focus-visible { outline: 2px solid #1f5fbf; outline-offset: 1px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 8px; }
.dossier-note-button { position: fixed; z-index: 2147483646; font: 13px/1.4 system-ui, sans-serif; }
.dossier-note-button button { box-shadow: 0 2px 8px rgba(0,0,0,.25); background: #fff; color: #1d2330; }
`;
