/**
 * Styles of the rendered report, screen and print. Fonts follow the customary layout of official
 * documents (title 小标宋, headings 黑体, text 仿宋, tables 宋体) with common fallbacks.
 */
export const REPORT_CSS = `
.gk-annual-report { font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", serif; font-size: 16pt; line-height: 1.75; color: #000; max-width: 60em; margin: 0 auto; }
.gk-annual-report .gk-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 1em 0; line-height: 1.4; }
.gk-annual-report .gk-section-heading { font-family: "SimHei", "黑体", "Heiti SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.5em; }
.gk-annual-report .gk-prose p { text-indent: 2em; margin: 0; }
.gk-annual-report .gk-prose h3, .gk-annual-report .gk-prose h4, .gk-annual-report .gk-prose h5, .gk-annual-report .gk-prose h6 { font-family: "KaiTi", "楷体", serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
.gk-table { border-collapse: collapse; width: 100%; font-family: "SimSun", "宋体", serif; font-size: 10.5pt; line-height: 1.4; margin: 0.5em 0 1em; }
.gk-table th, .gk-table td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; font-weight: normal; }
.gk-table th[scope="row"] { text-align: left; }
.gk-table .gk-block-heading { font-weight: bold; }
.gk-table .gk-corner { font-size: 9pt; text-align: left; }
.gk-table .gk-num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.gk-table .gk-invalid--error { background: #fde2e1; outline: 2px solid #c00; outline-offset: -2px; }
.gk-table .gk-invalid--warning { background: #fff4ce; outline: 2px solid #b58100; outline-offset: -2px; }
.gk-annual-report { position: relative; }
.gk-annual-report .gk-opening { text-indent: 2em; margin: 0 0 0.5em; }
.gk-annual-report .gk-closing { text-align: right; margin-top: 2em; }
.gk-annual-report .gk-closing p { margin: 0; }
.gk-watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; pointer-events: none; z-index: 10; font-family: "SimHei", "黑体", sans-serif; font-size: 64pt; color: rgba(200, 0, 0, 0.14); transform: rotate(-30deg); white-space: nowrap; }
.gk-table--applications th[scope="row"], .gk-table--applications th[scope="rowgroup"] { word-break: keep-all; }
.gk-table--reviewsAndLawsuits th { word-break: keep-all; min-width: 2.5em; }
.gk-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  @page { size: A4; margin: 3.7cm 2.6cm 3.5cm 2.8cm; }
  .gk-annual-report { max-width: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .gk-table thead { display: table-header-group; }
  .gk-table tr { break-inside: avoid; page-break-inside: avoid; }
  .gk-section-heading { break-after: avoid; page-break-after: avoid; }
}
`;
