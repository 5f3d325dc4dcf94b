/// <reference types="office-js" />
/**
 * The task pane's entry: when Office is ready and the pane is on screen, mount the shared panel over
 * the Excel bridge (it replaces the page's static "could not start" sentence). In the shared runtime
 * this page also hosts the WINBACK.* functions (functions.js loads first), so it is loaded when a
 * workbook with WINBACK formulas opens — with the pane hidden. The panel reads sheets as soon as it
 * mounts, so it waits until the pane is shown: `Office.addin.onVisibilityModeChanged`
 * (SharedRuntime 1.1, "Show or hide the task pane of your Office Add-in"), or the page becoming
 * visible (a hidden runtime's document reports visibilityState "hidden"; unconfirmed on every platform).
 * Without office.js (blocked by a proxy) nothing runs and the static sentence stays.
 */
import { mountPanel } from '../ui/panel.js';
import { createExcelBridge } from './excel-bridge.js';

/** Calls `start` once, when the task pane is on screen (now, if it already is). */
function whenShown(start: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    start();
  };
  if (document.visibilityState === 'visible') return once();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') once();
  });
  void Office.addin.onVisibilityModeChanged((message) => {
    if (message.visibilityMode === Office.VisibilityMode.taskpane) once();
  });
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() =>
    whenShown(() => {
      const root = document.getElementById('app');
      if (root) mountPanel(root, createExcelBridge());
    }),
  );
}
