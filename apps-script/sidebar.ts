/**
 * The sidebar page's script (bundled into Sidebar.html): mounts the shared panel on the Google
 * Sheets bridge. The user's locale was written into `#app[data-locale]` by the server
 * (sidebar-page.ts); the browser's language is the fallback.
 */
import { mountPanel } from '../ui/panel.js';
import { createSheetsBridge, type ScriptRunner } from './sidebar-bridge.js';

declare const google: { script: { run: ScriptRunner } };

const root = document.getElementById('app') as HTMLElement;
mountPanel(root, createSheetsBridge(google.script.run, root.dataset.locale || navigator.language));
