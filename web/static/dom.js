// dom.js - builds DOM nodes without ever parsing HTML, so text coming from the server or from
// the user is always inserted as text (no innerHTML anywhere in the front end).
//
//   h('p', { class: 'hint', id: 'x' }, 'text', h('a', { href: '/' }, 'link'))
//
// Attributes: `class`, `for`, `aria-*`, `data-*` and plain ones are set as attributes; a value
// of false, null or undefined leaves the attribute out and true sets it empty; keys starting
// with `on` (onclick, onsubmit...) add event listeners. Children may be nodes, strings,
// numbers, arrays of those, or null/false (skipped).

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// A fragment made of several nodes, for pages that render more than one top-level element.
export function fragment(...children) {
  const f = document.createDocumentFragment();
  append(f, children);
  return f;
}

// Identifiers unique within the page, for label/hint/error associations.
let counter = 0;
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
