/**
 * A term explained one tap away: a native disclosure (`<details>`/`<summary>`) whose summary asks
 * the question a sales head would ask ("What do ABC and XYZ mean?") and whose body answers it in
 * plain words. The summary is a button to keyboards and screen readers (Enter or Space opens it,
 * its expanded state is announced), so no script is needed to reach it.
 *
 * Example: `explainer(doc, 'wb-explain-model', {question: 'What are BG/NBD and P(alive)?', answer: '…'})`
 * → `<details class="wb-explain" id="wb-explain-model"><summary>What are BG/NBD and P(alive)?</summary><p>…</p></details>`.
 */
import { h } from './dom.js';

export interface Term {
  question: string;
  answer: string;
}

export function explainer(doc: Document, id: string, term: Term): HTMLElement {
  return h(doc, 'details', { class: 'wb-explain', id }, h(doc, 'summary', {}, term.question), h(doc, 'p', {}, term.answer));
}
