"""The stylesheet of the converter widget (class names start with `amw-`).

It follows JupyterLab's light and dark themes: text, borders and muted colours
come from JupyterLab's CSS variables (with light fallbacks for Voila and saved
pages), and status colours are translucent tints that read on either
background. Highlighted code and the diff keep a light paper of their own, as
Pygments' inline colours are made for it.
"""

CSS = """
<style>
.amw-root { max-width: 100%; }
.amw-root textarea { font-family: var(--jp-code-font-family, monospace); font-size: 12.5px; }
.amw-code { background: #f7f7f9; color: #1f2328; border: 1px solid #d0d7de; border-radius: 4px;
  padding: 8px 10px; margin: 4px 0; max-height: 28em; overflow: auto; font-size: 12.5px;
  line-height: 1.4; white-space: pre; }
.amw-code, .amw-code span, table.amw-diff td { font-family: var(--jp-code-font-family, ui-monospace,
  "DejaVu Sans Mono", Menlo, Consolas, monospace) !important; line-height: 1.45 !important; }
.amw-muted { color: var(--jp-ui-font-color2, #6b7280); }
.amw-summary { margin: 2px 0; font-weight: 600; }
.amw-working { color: var(--jp-warn-color0, #9a6700); font-style: italic; }
.amw-error {
  border-left: 4px solid #cf222e;
  background: rgba(207, 34, 46, 0.10);
  color: var(--jp-ui-font-color1, #1f2328);
  padding: 6px 10px;
}
.amw-excerpt { background: transparent; margin: 4px 0 0 0; font-size: 12px; color: var(--jp-ui-font-color1, #1f2328); }
.amw-internal {
  border-left: 4px solid #9a6700;
  background: rgba(154, 103, 0, 0.12);
  color: var(--jp-ui-font-color1, #1f2328);
  padding: 4px 10px;
}
.amw-actions { display: flex; gap: 12px; align-items: center; margin: 4px 0; }
.amw-actions button { cursor: pointer; padding: 2px 12px; }
.amw-section { font-weight: 600; margin: 10px 0 2px 0; }
table.amw-notes, table.amw-diff, .amw-headers table {
  border-collapse: collapse;
  font-size: 12.5px;
}
table.amw-notes td, table.amw-notes th { border-bottom: 1px solid var(--jp-border-color2, #d0d7de); padding: 3px 8px;
  color: var(--jp-ui-font-color1, inherit);
  text-align: left; vertical-align: top; }
tr.amw-sev-error td:nth-child(2) { color: var(--jp-error-color1, #cf222e); font-weight: 600; }
tr.amw-sev-warning td:nth-child(2) { color: var(--jp-warn-color1, #9a6700); font-weight: 600; }
tr.amw-sev-info td:nth-child(2) { color: var(--jp-info-color1, #0969da); }
.amw-diff-box { max-height: 30em; overflow: auto; border: 1px solid var(--jp-border-color1, #d0d7de); border-radius: 4px; }
table.amw-diff {
  width: 100%;
  table-layout: fixed;
  font-family: var(--jp-code-font-family, monospace);
  color: #1f2328;
  background: #fff; }
table.amw-diff td { padding: 0 6px; white-space: pre-wrap; overflow-wrap: anywhere;
  vertical-align: top; }
table.amw-diff col.amw-ln-col { width: 3.5em; }
table.amw-notes td, .amw-verdict, .amw-error, .amw-internal { line-height: 1.45; }
table.amw-diff th {
  text-align: left;
  background: #f6f8fa;
  padding: 2px 6px;
  position: sticky;
  top: 0;
}
table.amw-diff td.amw-ln { color: #6b7280; text-align: right; user-select: none; }
td.amw-replace-in, td.amw-delete-in { background: #ffebe9; }
td.amw-replace-out, td.amw-insert-out { background: #dafbe1; }
tr.amw-flash td { background: #fff3b0 !important; }
.amw-verdict { padding: 4px 10px; border-radius: 4px; margin: 4px 0; color: var(--jp-ui-font-color1, #1f2328); }
.amw-verdict-ok { background: rgba(26, 127, 55, 0.14); border-left: 4px solid #1a7f37; }
.amw-verdict-warning { background: rgba(154, 103, 0, 0.14); border-left: 4px solid #9a6700; }
.amw-verdict-failed { background: rgba(207, 34, 46, 0.12); border-left: 4px solid #cf222e; }
.amw-verdict-unavailable { background: var(--jp-layout-color2, #f6f8fa); }
.amw-headers { margin: 4px 0; }
.amw-headers td { padding: 1px 8px 1px 0; }
</style>
"""
