/**
 * A tiny element builder for the panel. Text goes in only as text nodes or `textContent` — there
 * is no way to pass markup — so a client named `<img src=x onerror=alert(1)>` shows as those
 * characters (DESIGN: sheet values go through textContent, never innerHTML).
 *
 * Example: `h(doc, 'button', {type: 'button', class: 'wb-link'}, 'Clients')` →
 * `<button type="button" class="wb-link">Clients</button>`.
 */

export type Attrs = Record<string, string | number | boolean | undefined>;
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** Append children; strings become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
}

/** Replace an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}
