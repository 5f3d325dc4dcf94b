/**
 * The run's progress bar: one `role=progressbar` from 0 to 100 over the whole run, its text naming
 * the stage and counting rows. The stage name is also put in a polite live region when it changes
 * (not on every count, which would drown a screen reader). When the run works in the page instead
 * of off it (a progress with `inPage`: Excel's worker could not start), a calm line under the bar
 * says the pane may answer slowly until the run ends; it stays for the rest of the run and is
 * announced once, with the stage.
 *
 * The stages share the bar by their usual cost: reading 0–40, analysing 40–75, preparing the tabs
 * 75–80, writing 80–100. Within a stage the bar moves with done ÷ total. It never moves back
 * during a run (reading an optional sheet after the sales starts its own count).
 *
 * Example: {stage: 'read', done: 50000, total: 200000} → 10; {stage: 'write', done: 1, total: 2} → 90.
 */
import { words, type Lang, type Progress } from '../core/index.js';
import { h } from './dom.js';

const SPAN: Record<Progress['stage'], [number, number]> = {
  read: [0, 40],
  analyze: [40, 75],
  report: [75, 80],
  write: [80, 100],
};

export function overallPercent(p: Progress): number {
  const [from, to] = SPAN[p.stage];
  const fraction = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  return Math.round(from + (to - from) * fraction);
}

export interface ProgressView {
  element: HTMLElement;
  update(p: Progress): void;
}

export function progressView(doc: Document, lang: Lang, announce: (text: string) => void): ProgressView {
  const text = words(lang).panel;
  const fill = h(doc, 'div');
  const stage = h(doc, 'span', { id: 'wb-stage' });
  const count = h(doc, 'span', { id: 'wb-count' });
  const bar = h(
    doc,
    'div',
    { class: 'wb-bar', role: 'progressbar', id: 'wb-progressbar', 'aria-label': text.run.progressLabel, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0 },
    fill,
  );
  const note = h(doc, 'p', { class: 'wb-help', id: 'wb-progress-note', hidden: true });
  const element = h(doc, 'div', { class: 'wb-progress' }, bar, h(doc, 'div', { class: 'wb-progress-text' }, stage, count), note);
  let shown = 0;
  let lastStage = '';
  return {
    element,
    update(p) {
      shown = Math.max(shown, overallPercent(p));
      const name = text.run.stage[p.stage];
      const counted = p.total > 0 ? countText(lang, p) : '';
      bar.setAttribute('aria-valuenow', String(shown));
      bar.setAttribute('aria-valuetext', counted ? `${name}: ${counted}` : name);
      fill.style.width = `${shown}%`;
      stage.textContent = name;
      count.textContent = counted;
      if (p.inPage && note.hidden) {
        note.textContent = text.run.inPage;
        note.hidden = false;
        announce(`${name}. ${text.run.inPage}`);
      } else if (p.stage !== lastStage) announce(name);
      lastStage = p.stage;
    },
  };
}

function countText(lang: Lang, p: Progress): string {
  const text = words(lang).panel;
  const { count } = words(lang).format;
  const done = count(p.done);
  const total = count(p.total);
  return p.stage === 'read' ? text.run.rows(done, total, p.total) : p.stage === 'write' ? text.run.steps(done, total) : '';
}
