/// <reference types="office-js" />
/**
 * The task pane's entry: when Office is ready, mount the shared panel over the Excel bridge.
 * In the shared runtime this page also hosts the WINBACK.* functions (functions.js loads first).
 */
import { mountPanel } from '../ui/panel.js';
import { createExcelBridge } from './excel-bridge.js';

void Office.onReady(() => {
  const root = document.getElementById('app');
  if (root) mountPanel(root, createExcelBridge());
});
