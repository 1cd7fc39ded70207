/**
 * A timeline as a standalone SVG: counts per year of each formulation, one line each, with the
 * documents behind every point in its tooltip (<title>), readable opened on its own. Used by
 * `tifa timeline --format svg` and by the editor's timeline view.
 */
import type { TimelinePoint } from '../record/inventory';

export interface TimelineSeries {
  zh: string;
  points: TimelinePoint[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
const W = 800;
const H = 360;
const M = { left: 48, right: 16, top: 24, bottom: 56 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Per year: the count and the documents (title and count) that make it. */
function byYear(points: readonly TimelinePoint[]): Map<number, { count: number; documents: string[] }> {
  const out = new Map<number, { count: number; documents: string[] }>();
  for (const p of points) {
    if (!p.date) continue;
    const y = Number(p.date.slice(0, 4));
    const e = out.get(y) ?? { count: 0, documents: [] };
    e.count += p.count;
    if (p.count > 0) e.documents.push(`${p.date} ${p.title}: ${p.count}`);
    out.set(y, e);
  }
  return out;
}

export function timelineSvg(series: readonly TimelineSeries[]): string {
  const years = series.map((s) => byYear(s.points));
  // From two years before the first use of any formulation charted (the decades before are all
  // zeros and would squeeze the part worth seeing) to the record's last year.
  const all = years.flatMap((m) => [...m.keys()]);
  const used = years.flatMap((m) => [...m].filter(([, v]) => v.count > 0).map(([y]) => y));
  const first = all.length ? Math.min(...all) : 2000;
  const to = all.length ? Math.max(...all) : 2001;
  const from = used.length ? Math.max(first, Math.min(...used) - 2) : first;
  for (const m of years) for (const y of [...m.keys()]) if (y < from) m.delete(y);
  const max = Math.max(1, ...years.flatMap((m) => [...m.values()].map((v) => v.count)));
  const x = (y: number) => M.left + ((y - from) / Math.max(1, to - from)) * (W - M.left - M.right);
  const yPos = (n: number) => H - M.bottom - (n / max) * (H - M.top - M.bottom);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="13">`);
  out.push(`<title>${esc(series.map((s) => s.zh).join(', '))}: occurrences per year in the record</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  // Axes, a tick every decade (or every year for short spans), and the count scale.
  out.push(`<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#444"/>`);
  out.push(`<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#444"/>`);
  const step = to - from > 20 ? 10 : to - from > 8 ? 2 : 1;
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) out.push(`<text x="${x(y).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle" fill="#444">${y}</text>`);
  for (const n of [0, Math.round(max / 2), max]) out.push(`<text x="${M.left - 6}" y="${(yPos(n) + 4).toFixed(1)}" text-anchor="end" fill="#444">${n}</text>`);
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const m = years[i];
    const pts = [...m.entries()].sort((a, b) => a[0] - b[0]);
    // A line joins consecutive years only: a year with no document in the record (no government
    // work report for 2020) is a gap, not a count the line would invent.
    let run: typeof pts = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${run.map(([y, v]) => `${x(y).toFixed(1)},${yPos(v.count).toFixed(1)}`).join(' ')}"/>`);
      run = [];
    };
    for (const p of pts) {
      if (run.length && p[0] !== run[run.length - 1][0] + 1) flush();
      run.push(p);
    }
    flush();
    for (const [y, v] of pts) {
      out.push(`<circle cx="${x(y).toFixed(1)}" cy="${yPos(v.count).toFixed(1)}" r="3.5" fill="${colour}"><title>${esc(`${s.zh} ${y}: ${v.count}${v.documents.length ? `\n${v.documents.join('\n')}` : ''}`)}</title></circle>`);
    }
    // Legend, under the axis.
    const lx = M.left + i * Math.floor((W - M.left - M.right) / Math.max(4, series.length));
    out.push(`<rect x="${lx}" y="${H - 22}" width="12" height="12" fill="${colour}"/><text x="${lx + 18}" y="${H - 12}">${esc(s.zh)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
