// A hand-written SVG bar chart of per-invocation costs (no chart library: the picture is simple, and the benchmark's
// own package should only hold the peers it measures). Pure: rows in, SVG text out.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Nice labels for decades of µs. */
const tickLabel = (v) => (v >= 1 ? `${v.toLocaleString('en-US')} µs` : `${v} µs`);

/**
 * Horizontal bars of the median with a min–max whisker, on a log axis whenever the values span more than a decade
 * (the floor is ~0.1 µs and a peer is ~100 µs: on a linear axis the interesting bars would be invisible).
 * @param {{ label: string, median: number, min: number, max: number, highlight?: boolean }[]} rows
 * @param {{ title: string, subtitle?: string }} text
 */
export function barChartSvg(rows, { title, subtitle = '' }) {
  const width = 860;
  const labelW = 330;
  const right = 90;
  const top = subtitle ? 64 : 44;
  const rowH = 30;
  const axisH = 44;
  const height = top + rows.length * rowH + axisH;
  const plotW = width - labelW - right;
  const lo = Math.min(...rows.map((r) => r.min));
  const hi = Math.max(...rows.map((r) => r.max));
  const log = hi / lo > 10;
  const dmin = log ? 10 ** Math.floor(Math.log10(lo)) : 0;
  const dmax = log ? 10 ** Math.ceil(Math.log10(hi)) : hi * 1.1;
  const x = log
    ? (v) => labelW + ((Math.log10(v) - Math.log10(dmin)) / (Math.log10(dmax) - Math.log10(dmin))) * plotW
    : (v) => labelW + ((v - dmin) / (dmax - dmin)) * plotW;
  const ticks = [];
  if (log) for (let v = dmin; v <= dmax * 1.0001; v *= 10) ticks.push(Number(v.toPrecision(1)));
  else for (let i = 0; i <= 5; i++) ticks.push(Number(((dmax * i) / 5).toPrecision(2)));

  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="16" font-weight="600" fill="#111">${esc(title)}</text>`,
  );
  if (subtitle) out.push(`<text x="16" y="44" fill="#555">${esc(subtitle)}</text>`);
  const axisY = top + rows.length * rowH;
  for (const t of ticks) {
    const tx = x(t).toFixed(1);
    out.push(
      `<line x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${axisY}" stroke="#e3e3e3"/>`,
      `<text x="${tx}" y="${axisY + 18}" text-anchor="middle" fill="#555">${esc(tickLabel(t))}</text>`,
    );
  }
  out.push(
    `<text x="${labelW + plotW / 2}" y="${axisY + 34}" text-anchor="middle" fill="#555">µs per warm invocation, median with min–max${log ? ' (log scale)' : ''}</text>`,
  );
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const mid = y + rowH / 2;
    const fill = r.highlight ? '#2f6fdf' : '#9aa5b1';
    const x0 = x(log ? dmin : 0);
    out.push(
      `<text x="${labelW - 10}" y="${mid + 4}" text-anchor="end" fill="#111"${r.highlight ? ' font-weight="600"' : ''}>${esc(r.label)}</text>`,
      `<rect x="${x0.toFixed(1)}" y="${y + 6}" width="${Math.max(1, x(r.median) - x0).toFixed(1)}" height="${rowH - 12}" fill="${fill}"/>`,
      `<line x1="${x(r.min).toFixed(1)}" y1="${mid}" x2="${x(r.max).toFixed(1)}" y2="${mid}" stroke="#222" stroke-width="1.5"/>`,
      `<line x1="${x(r.min).toFixed(1)}" y1="${mid - 5}" x2="${x(r.min).toFixed(1)}" y2="${mid + 5}" stroke="#222" stroke-width="1.5"/>`,
      `<line x1="${x(r.max).toFixed(1)}" y1="${mid - 5}" x2="${x(r.max).toFixed(1)}" y2="${mid + 5}" stroke="#222" stroke-width="1.5"/>`,
      `<text x="${(x(r.max) + 8).toFixed(1)}" y="${mid + 4}" fill="#111">${esc(formatUs(r.median))}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** µs with sensible precision: 0.062, 1.51, 10.3, 88. */
export function formatUs(v) {
  if (v < 1) return `${v.toFixed(3)} µs`;
  if (v < 10) return `${v.toFixed(2)} µs`;
  if (v < 100) return `${v.toFixed(1)} µs`;
  return `${Math.round(v).toLocaleString('en-US')} µs`;
}
