// Every page's filters live in the URL after the page name: #rank?indicator=…&year=…&within=…, so a view can be
// bookmarked, shared and reloaded. Filters change the URL with replaceState (no history entry per click).
export function current() {
  const hash = location.hash.replace(/^#/, '');
  const at = hash.indexOf('?');
  const page = decodeURIComponent(at < 0 ? hash : hash.slice(0, at));
  const params = Object.fromEntries(new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)));
  return { page, params };
}

export function href(page, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return `#${page}${text ? '?' + text : ''}`;
}

export function replace(page, params) {
  history.replaceState(null, '', href(page, params));
}
