// HTTP calls to the API (INDICATORS.md): JSON in and out, errors as exceptions carrying the server's
// Chinese {"error": …}.
export async function get(path, params) {
  const response = await fetch(url(path, params), { headers: { Accept: 'application/json' } });
  return read(response);
}

export async function post(path, body, headers) {
  const response = await fetch(path, {
    method: 'POST',
    headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, headers || {}),
    body: body === undefined ? '{}' : JSON.stringify(body),
  });
  return read(response);
}

// A GET whose answer the server may cut at its row or byte limit (/api/expiring, /api/cases): the rows, and the cut.
export async function getCut(path, params) {
  const response = await fetch(url(path, params), { headers: { Accept: 'application/json' } });
  return { data: await read(response), cut: cutOf(response) };
}

// The limit that cut an answer (/api/sql, /api/expiring, /api/cases), from its headers: { rows } or { bytes }, or null.
export function cutOf(response) {
  const rows = response.headers.get('X-Ipwh-Rows-Truncated-At');
  const bytes = response.headers.get('X-Ipwh-Bytes-Truncated-At');
  return rows ? { rows: Number(rows) } : bytes ? { bytes: Number(bytes) } : null;
}

// What a cut answer means, in Chinese: which limit cut it and how many rows are shown ('' when not cut).
export function cutText(cut, shown) {
  if (!cut) return '';
  return cut.rows
    ? `结果超过 ${cut.rows} 行，只返回前 ${cut.rows} 行`
    : `结果超过 ${Math.round(cut.bytes / 1e6)} MB，只返回放得下的前 ${shown} 行`;
}

export async function read(response) {
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    const error = new Error(data && data.error ? data.error : `服务器返回 ${response.status}，无法读取答复。`);
    error.status = response.status;
    throw error;
  }
  return data;
}

export function url(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach(v => query.append(key, v));
    else query.append(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
