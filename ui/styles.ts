/**
 * The panel's stylesheet, shipped inside the script so every host (task pane, sidebar inlined into
 * one HTML file, playground) gets it with no extra file and no remote font.
 *
 * Two looks over the same rules, chosen by a class on the panel's root: `wb-look-fluent` (Excel and
 * the playground: Fluent 2 — Segoe UI, 4 px corners, brand blue #0F6CBD) and `wb-look-google`
 * (Google Sheets: Roboto/Arial, pill buttons, blue #0B57D0). Works from 320 px wide.
 *
 * Accessibility (WCAG 2.2 AA): focus is always visible — a 2 px ring on :focus-visible that no
 * container clips (the language switch has no `overflow: hidden`; 2.4.7); controls keep a margin
 * below them when scrolled to, so the sticky action bar never hides the focused one (2.4.11);
 * input borders reach 3:1 against the background in both looks — Fluent's #616161 underline,
 * Google's #747775 outline, 4.5:1 (1.4.11); in forced-colours mode the pressed language is drawn
 * in the system's Highlight colours, since background colours are overridden there.
 */

export const PANEL_CSS = `
.wb-panel {
  --wb-font: "Segoe UI Variable Text", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif;
  --wb-text: #242424; --wb-muted: #616161; --wb-line: #d1d1d1; --wb-soft: #f5f5f5; --wb-bg: #ffffff;
  --wb-brand: #0f6cbd; --wb-brand-hover: #115ea3; --wb-brand-press: #0c3b5e; --wb-brand-soft: #ebf3fc;
  --wb-error: #b10e1c; --wb-error-soft: #fdf3f4; --wb-ok-soft: #f1faf1; --wb-ok: #0e700e;
  --wb-radius: 4px; --wb-button-radius: 4px; --wb-focus: #000000;
  box-sizing: border-box; min-width: 300px; max-width: 720px; padding: 12px 12px 24px;
  font-family: var(--wb-font); font-size: 14px; line-height: 20px; color: var(--wb-text); background: var(--wb-bg);
}
.wb-panel.wb-look-google {
  --wb-font: Roboto, "Helvetica Neue", Arial, system-ui, sans-serif;
  --wb-text: #1f1f1f; --wb-muted: #444746; --wb-line: #c4c7c5; --wb-soft: #f0f4f9;
  --wb-brand: #0b57d0; --wb-brand-hover: #0842a0; --wb-brand-press: #062e6f; --wb-brand-soft: #d3e3fd;
  --wb-radius: 8px; --wb-button-radius: 20px; --wb-focus: #0b57d0;
}
.wb-look-google .wb-section { border: 0; border-top: 1px solid var(--wb-line); border-radius: 0; padding: 12px 0 4px; }
.wb-look-google .wb-section > legend { padding: 0 8px 0 0; font-weight: 500; }
.wb-look-google .wb-details > summary, .wb-look-google h2, .wb-look-google h3 { font-weight: 500; }
.wb-look-google .wb-lang button[aria-pressed="true"] { background: var(--wb-brand-soft); color: #041e49; }
.wb-look-google .wb-lang { border-color: #747775; }
.wb-look-google .wb-secondary { color: var(--wb-brand); border-color: var(--wb-line); }
.wb-panel *, .wb-panel *::before, .wb-panel *::after { box-sizing: border-box; }
.wb-panel h1 { font-size: 20px; line-height: 28px; font-weight: 600; margin: 0; }
.wb-panel h2 { font-size: 16px; line-height: 22px; font-weight: 600; margin: 0 0 8px; }
.wb-panel h3 { font-size: 14px; line-height: 20px; font-weight: 600; margin: 12px 0 4px; }
.wb-panel p { margin: 4px 0; }
.wb-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.wb-tagline { color: var(--wb-muted); margin: 2px 0 12px !important; }
.wb-lang { display: inline-flex; border: 1px solid #616161; border-radius: var(--wb-button-radius); }
.wb-lang button { border: 0; border-radius: 0; min-height: 28px; min-width: 36px; padding: 2px 10px; background: var(--wb-bg); color: var(--wb-text); font: inherit; cursor: pointer; }
.wb-lang button:first-child { border-start-start-radius: var(--wb-button-radius); border-end-start-radius: var(--wb-button-radius); }
.wb-lang button:last-child { border-start-end-radius: var(--wb-button-radius); border-end-end-radius: var(--wb-button-radius); }
.wb-lang button[aria-pressed="true"] { background: var(--wb-brand); color: #fff; font-weight: 600; }
.wb-section { border: 1px solid var(--wb-line); border-radius: var(--wb-radius); padding: 12px; margin: 0 0 12px; min-width: 0; }
.wb-section > legend { font-size: 16px; font-weight: 600; padding: 0 4px; }
.wb-details > summary { font-size: 16px; line-height: 22px; font-weight: 600; padding: 0; }
.wb-details[open] > summary { margin-bottom: 4px; }
.wb-summary-line { display: block; font-size: 13px; line-height: 18px; font-weight: 400; color: var(--wb-muted); margin-inline-start: 18px; }
.wb-plain { border: 0; padding: 0; margin: 0; min-width: 0; }
.wb-help { color: var(--wb-muted); font-size: 13px; line-height: 18px; }
.wb-auto-open { margin-top: 16px; }
.wb-check { display: flex; align-items: center; gap: 8px; min-height: 24px; }
.wb-check input { width: 18px; height: 18px; margin: 0; flex: none; }
.wb-field { display: grid; grid-template-columns: minmax(92px, 42%) minmax(0, 1fr); align-items: center; gap: 4px 8px; margin: 6px 0; }
.wb-field.wb-stacked { grid-template-columns: minmax(0, 1fr); }
.wb-field label { overflow-wrap: anywhere; }
.wb-required { color: var(--wb-muted); font-size: 12px; }
.wb-panel select, .wb-panel input[type="text"], .wb-panel input[type="date"], .wb-panel input[type="number"] {
  width: 100%; min-width: 0; min-height: 32px; padding: 4px 8px; font: inherit; color: var(--wb-text);
  background: var(--wb-bg); border: 1px solid var(--wb-line); border-bottom-color: #616161; border-radius: var(--wb-radius);
}
.wb-look-google select, .wb-look-google input { border-color: #747775 !important; }
.wb-panel select, .wb-panel input, .wb-panel button, .wb-panel summary { scroll-margin-bottom: 128px; }
.wb-panel select[aria-invalid="true"], .wb-panel input[aria-invalid="true"] { border-color: var(--wb-error); border-width: 2px; }
.wb-panel :focus-visible, .wb-panel input[type="date"]:focus, .wb-panel input[type="date"]:focus-within { outline: 2px solid var(--wb-focus); outline-offset: 2px; }
.wb-panel button { font: inherit; cursor: pointer; }
.wb-panel button:disabled { cursor: not-allowed; opacity: 0.55; }
.wb-primary, .wb-secondary {
  min-height: 32px; padding: 5px 16px; border-radius: var(--wb-button-radius); font-weight: 600;
}
.wb-primary { background: var(--wb-brand); color: #fff; border: 1px solid var(--wb-brand); }
.wb-primary:hover:not(:disabled) { background: var(--wb-brand-hover); }
.wb-primary:active:not(:disabled) { background: var(--wb-brand-press); }
.wb-secondary { background: var(--wb-bg); color: var(--wb-text); border: 1px solid var(--wb-line); }
.wb-secondary:hover:not(:disabled) { background: var(--wb-soft); }
.wb-link { background: none; border: 0; padding: 0; color: var(--wb-brand); text-decoration: underline; text-align: start; font: inherit; }
.wb-link:hover { color: var(--wb-brand-hover); }
.wb-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.wb-actionbar { position: sticky; bottom: 0; z-index: 2; background: var(--wb-bg); border-top: 1px solid var(--wb-line); margin: 0 -12px; padding: 0 12px; }
.wb-actionbar .wb-actions { margin: 8px 0; }
.wb-actionbar .wb-alert, .wb-actionbar .wb-note { margin: 8px 0 0; }
.wb-actionbar .wb-progress { margin: 0 0 8px; }
.wb-actions .wb-primary { flex: 1 1 auto; min-height: 36px; font-size: 15px; }
.wb-panel details > summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
.wb-panel details > summary:focus-visible { outline-offset: 0; }
.wb-more { margin-top: 8px; }
.wb-status { margin: 8px 0 0; }
.wb-alert { border-left: 4px solid var(--wb-error); background: var(--wb-error-soft); padding: 8px 10px; border-radius: var(--wb-radius); margin: 8px 0; }
.wb-alert:empty, .wb-note:empty { display: none; }
.wb-note { border-left: 4px solid var(--wb-brand); background: var(--wb-brand-soft); padding: 8px 10px; border-radius: var(--wb-radius); margin: 8px 0; }
.wb-scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--wb-line); border-radius: var(--wb-radius); margin-top: 8px; }
.wb-preview { border-collapse: collapse; font-size: 12px; line-height: 16px; white-space: nowrap; }
.wb-preview caption { text-align: start; font-weight: 600; padding: 6px 8px; caption-side: top; white-space: normal; }
.wb-preview th, .wb-preview td { padding: 4px 8px; border-top: 1px solid var(--wb-line); text-align: start; }
.wb-profile { border-collapse: collapse; font-size: 12px; line-height: 16px; width: 100%; margin-top: 8px; }
.wb-profile caption { text-align: start; font-weight: 600; padding: 6px 0; }
.wb-profile th, .wb-profile td { padding: 4px 8px 4px 0; border-top: 1px solid var(--wb-line); text-align: start; vertical-align: top; overflow-wrap: anywhere; }
.wb-profile thead th { font-weight: 600; }
.wb-profile tbody th { font-weight: 400; color: var(--wb-muted); }
.wb-preview th { background: var(--wb-soft); font-weight: 600; }
.wb-preview td.wb-number { text-align: end; font-variant-numeric: tabular-nums; }
.wb-preview tr.wb-skipped td { color: var(--wb-muted); font-style: italic; }
.wb-progress { margin: 8px 0 12px; }
.wb-bar { height: 8px; background: var(--wb-soft); border: 1px solid var(--wb-line); border-radius: 4px; overflow: hidden; }
.wb-bar > div { height: 100%; width: 0; background: var(--wb-brand); transition: width 120ms linear; }
.wb-progress-text { display: flex; justify-content: space-between; gap: 8px; flex-wrap: wrap; font-size: 13px; margin-top: 4px; }
.wb-result { border-top: 1px solid var(--wb-line); padding-top: 12px; }
.wb-result:focus { outline: none; }
.wb-result > h2 { scroll-margin-top: 8px; }
.wb-result > h2:focus-visible { outline: 2px solid var(--wb-focus); }
.wb-statuses { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 6px; list-style: none; padding: 0; margin: 0; }
.wb-statuses li { display: flex; justify-content: space-between; gap: 6px; padding: 6px 8px; border-radius: var(--wb-radius); border: 1px solid var(--wb-line); }
.wb-statuses strong { font-variant-numeric: tabular-nums; }
.wb-statuses .wb-active { background: #c6efce; } .wb-statuses .wb-new { background: #ddebf7; }
.wb-statuses .wb-at-risk { background: #ffeb9c; } .wb-statuses .wb-lost { background: #ffc7ce; }
.wb-heat { border-collapse: collapse; font-variant-numeric: tabular-nums; margin-top: 4px; }
.wb-heat caption { text-align: start; color: var(--wb-muted); font-size: 12px; line-height: 16px; caption-side: bottom; padding-top: 4px; }
.wb-heat th, .wb-heat td { width: 52px; height: 32px; text-align: center; border: 1px solid var(--wb-line); }
.wb-heat th { background: var(--wb-soft); font-weight: 600; }
.wb-winback { list-style: none; padding: 0; margin: 0; }
.wb-winback > li { border: 1px solid var(--wb-line); border-radius: var(--wb-radius); padding: 8px; margin: 0 0 6px; }
.wb-client { font-weight: 600; overflow-wrap: anywhere; }
.wb-meta { color: var(--wb-muted); font-size: 13px; }
.wb-chips { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0; margin: 4px 0 0; }
.wb-chips li { background: var(--wb-soft); border: 1px solid var(--wb-line); border-radius: 10px; padding: 0 8px; font-size: 12px; line-height: 18px; }
.wb-winback details ul { margin: 4px 0 0; padding-inline-start: 18px; font-size: 13px; }
.wb-winback details > summary { font-weight: 400; color: var(--wb-brand); }
.wb-stake { display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 13px; margin-top: 2px; }
.wb-silent { color: var(--wb-muted); }
.wb-panel .wb-explain { margin: 4px 0 8px; }
.wb-panel .wb-explain > summary { font-weight: 400; font-size: 13px; line-height: 18px; color: var(--wb-brand); padding: 2px 0; }
.wb-explain > p { font-size: 13px; line-height: 18px; margin: 4px 0 0; padding: 6px 8px; background: var(--wb-soft); border-radius: var(--wb-radius); }
.wb-tabs { display: flex; flex-wrap: wrap; gap: 4px 12px; list-style: none; padding: 0; margin: 0; }
.wb-footer { border-top: 1px solid var(--wb-line); margin-top: 16px; padding-top: 12px; }
.wb-visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.wb-busy { opacity: 0.6; }
@media (prefers-reduced-motion: reduce) { .wb-bar > div { transition: none; } }
@media (forced-colors: active) {
  .wb-lang button[aria-pressed="true"] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
  .wb-bar > div { forced-color-adjust: none; background: Highlight; }
}
`;

const STYLE_ID = 'winback-panel-styles';

/** Put the stylesheet into the document once. */
export function installStyles(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = PANEL_CSS;
  doc.head.appendChild(style);
}
