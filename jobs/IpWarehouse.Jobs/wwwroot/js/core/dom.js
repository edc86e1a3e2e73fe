// Small DOM helpers: el() builds an element from attributes and children (arrays nested to any depth).
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'style' && typeof value === 'object') Object.assign(node.style, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, ...children);
  return node;
}

// Appends children, flattening arrays at any depth: a row built from a map() of cells is one child.
export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Text that is a code, a name or a value from the data (batch ids, file names, SQL, raw values): shown as
// it is, in a monospace face. The browser tests read visible text without these for their language check.
export function code(text, attrs) {
  return el('code', Object.assign({ class: 'code' }, attrs || {}), text === null || text === undefined ? '' : String(text));
}

// Text as the warehouse stores it (the schema's bilingual comments, a loader's error message): shown unchanged.
export function verbatim(text) {
  return el('span', { class: 'verbatim' }, text === null || text === undefined ? '' : String(text));
}

export function errorBox(message) {
  return el('div', { class: 'error', role: 'alert' }, message);
}

export function notice(message) {
  return el('p', { class: 'notice' }, message);
}

export function clear(node, ...children) {
  node.replaceChildren();
  return append(node, ...children);
}

// A labelled form control for a page's filter bar.
export function field(label, control) {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}

export function select(name, options, selected) {
  return el('select', { name }, options.map(o =>
    el('option', { value: o.value, selected: String(o.value) === String(selected ?? '') }, o.label)));
}

export function button(label, onclick, attrs) {
  return el('button', Object.assign({ type: 'button', onclick }, attrs || {}), label);
}
