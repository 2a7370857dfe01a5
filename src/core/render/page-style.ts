/**
 * The readiness page's stylesheet: system fonts, light and dark (prefers-color-scheme), readable
 * from 375 px wide up. Colours meet WCAG AA contrast on their backgrounds in both schemes; status
 * is also written as a word and a mark, never shown by colour alone.
 */
export const PAGE_CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;
--pass-bg:#dafbe1;--pass-fg:#116329;--fail-bg:#ffebe9;--fail-fg:#82071e;--warn-bg:#fff8c5;--warn-fg:#6c4400;
--skip-bg:#eff2f5;--skip-fg:#424a53;--c-coverage:#0969da;--c-passRate:#1a7f37;--c-findings:#bc4c00;--link:#0550ae}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;
--pass-bg:#04260f;--pass-fg:#7ee787;--fail-bg:#3c0a0a;--fail-fg:#ffa198;--warn-bg:#341a00;--warn-fg:#f2cc60;
--skip-bg:#262c36;--skip-fg:#d1d7e0;--c-coverage:#4493f8;--c-passRate:#3fb950;--c-findings:#f0883e;--link:#78b4ff}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.25rem}
h1{font-size:1.5rem;margin:0 0 .25rem;overflow-wrap:anywhere}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
a{color:var(--link)}
p,li{overflow-wrap:anywhere}
.muted,footer{color:var(--muted)}
footer{font-size:.875rem;padding-bottom:2rem;margin-top:2rem}
.summary{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0 0}
.status{display:inline-block;padding:0 .45rem;border-radius:.35rem;font-weight:600;white-space:nowrap;font-size:.875rem}
.pass{background:var(--pass-bg);color:var(--pass-fg)}
.fail{background:var(--fail-bg);color:var(--fail-fg)}
.warn{background:var(--warn-bg);color:var(--warn-fg)}
.skip{background:var(--skip-bg);color:var(--skip-fg)}
.levels{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.levels li{border:1px solid var(--line);border-radius:.5rem;padding:.35rem .7rem;background:var(--card)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;color:var(--muted);padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .45rem;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
tr.failing>:first-child{border-left:4px solid var(--fail-fg)}
tbody th{font-weight:normal}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
.msg{display:block;color:var(--muted);font-size:.85rem;overflow-wrap:anywhere}
.chart{width:100%;max-width:40rem;height:auto;display:block;margin:.5rem 0}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart .tick{fill:var(--muted);font-size:12px}
.chart .line{fill:none;stroke-width:2}
.chart .s-coverage{stroke:var(--c-coverage);fill:var(--c-coverage)}
.chart .s-passRate{stroke:var(--c-passRate);fill:var(--c-passRate)}
.chart .s-findings{stroke:var(--c-findings);fill:var(--c-findings)}
.chart polyline.s-passRate{stroke-dasharray:6 3}
.chart polyline.line{fill:none}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none;font-size:.875rem}
.key{display:inline-block;width:1.5rem;height:.2rem;vertical-align:middle;margin-right:.35rem}
.key.s-coverage{background:var(--c-coverage)}
.key.s-passRate{background:repeating-linear-gradient(90deg,var(--c-passRate) 0 6px,transparent 6px 9px)}
.key.s-findings{background:var(--c-findings)}
.bar{display:block;width:100%;min-width:4rem;height:.45rem}
.bar .track{fill:var(--line)}
.bar .fill{fill:var(--pass-fg)}
.bar .fill.late{fill:var(--fail-fg)}
details{margin:.5rem 0}
@media (max-width:40rem){
.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.stack tr{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.25rem .5rem;border-bottom:1px solid var(--line);padding:.45rem 0}
.stack th[scope=row]{grid-column:1/-1;border:0;padding:0 .45rem}
.stack td,.stack td.num{border:0;padding:0 .45rem;text-align:left;white-space:normal}
.stack tr.failing{border-left:4px solid var(--fail-fg)}
.stack td::before{content:attr(data-label);display:block;font-size:.75rem;color:var(--muted)}
}
summary{cursor:pointer}
`;
