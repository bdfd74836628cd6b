// Draws a layout sketch of a Grafana dashboard from its JSON: every panel at its gridPos (24 columns,
// 30 px a row unit), with its title, its type and its first query, and a made-up curve so a time series
// reads as one. It is not a screenshot — no Grafana runs here — but it shows what the dashboard holds
// and where, and it is regenerated from the same JSON Grafana loads, so the two cannot drift.
//   node scripts/render-dashboard-sketch.mjs infra/grafana/dashboards/customer-360.json docs/images/operations-dashboard.svg
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node scripts/render-dashboard-sketch.mjs <dashboard.json> <out.svg>');
  process.exit(2);
}
const dashboard = JSON.parse(readFileSync(input, 'utf8'));
const COLUMN = 50;
const ROW = 30;
const TOP = 56;
const width = 24 * COLUMN + 16;
const height = TOP + 8 + Math.max(...dashboard.panels.map((p) => p.gridPos.y + p.gridPos.h)) * ROW;
const palette = ['#73bf69', '#f2cc0c', '#5794f2', '#ff780a', '#b877d9', '#f2495c'];

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (text, chars) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);

/** A deterministic wavy line per series, so the sketch is the same on every run. */
function curve(x, y, w, h, seed) {
  const points = [];
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    const v = 0.5 + 0.28 * Math.sin(t * 6.3 + seed * 1.7) + 0.12 * Math.sin(t * 17 + seed);
    points.push(`${(x + t * w).toFixed(1)},${(y + h - v * h).toFixed(1)}`);
  }
  return points.join(' ');
}

function panelSvg(panel) {
  const { x, y, w, h } = panel.gridPos;
  const px = 8 + x * COLUMN;
  const py = TOP + y * ROW;
  const pw = w * COLUMN - 6;
  const ph = h * ROW - 6;
  if (panel.type === 'row') {
    return `<text x="${px + 4}" y="${py + 20}" class="row">▾ ${escape(panel.title)}</text>`;
  }
  const parts = [
    `<rect x="${px}" y="${py}" width="${pw}" height="${ph}" rx="3" class="panel"/>`,
    `<text x="${px + 10}" y="${py + 20}" class="title">${escape(clip(panel.title, Math.floor(pw / 7.5)))}</text>`,
  ];
  const query = panel.targets?.[0]?.expr ?? '';
  parts.push(`<text x="${px + 10}" y="${py + ph - 10}" class="query">${escape(clip(query, Math.floor(pw / 5.6)))}</text>`);
  if (panel.type === 'stat') {
    const red = (panel.fieldConfig?.defaults?.thresholds?.steps ?? []).length > 1;
    parts.push(`<text x="${px + pw / 2}" y="${py + ph / 2 + 14}" class="stat ${red ? 'ok' : ''}">${red ? '0' : '1.2k'}</text>`);
  } else {
    const series = Math.min(panel.targets.length > 1 ? panel.targets.length : 3, palette.length);
    const area = { x: px + 12, y: py + 32, w: pw - 24, h: ph - 62 };
    parts.push(`<line x1="${area.x}" y1="${area.y + area.h}" x2="${area.x + area.w}" y2="${area.y + area.h}" class="axis"/>`);
    for (let s = 0; s < series; s++) {
      parts.push(`<polyline points="${curve(area.x, area.y, area.w, area.h, panel.id * 3 + s)}" stroke="${palette[s]}" class="series"/>`);
    }
  }
  return parts.join('\n  ');
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, Helvetica, Arial, sans-serif">
<style>
  .bg { fill: #111217; }
  .panel { fill: #181b1f; stroke: #2c3235; }
  .title { fill: #d8d9da; font-size: 13px; font-weight: 600; }
  .row { fill: #d8d9da; font-size: 15px; font-weight: 600; }
  .query { fill: #8e8e8e; font-size: 9.5px; font-family: Menlo, monospace; }
  .stat { fill: #73bf69; font-size: 34px; font-weight: 700; text-anchor: middle; }
  .axis { stroke: #2c3235; }
  .series { fill: none; stroke-width: 1.6; }
  .head { fill: #d8d9da; font-size: 18px; font-weight: 600; }
  .note { fill: #f2cc0c; font-size: 12px; }
</style>
<rect width="100%" height="100%" class="bg"/>
<text x="12" y="26" class="head">${escape(dashboard.title)}</text>
<text x="12" y="46" class="note">Layout sketch drawn from ${escape(input)} (not a screenshot: curves and numbers are placeholders)</text>
${dashboard.panels.map(panelSvg).join('\n')}
</svg>
`;
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, svg);
console.log(`wrote ${output} (${dashboard.panels.length} panels, ${width}×${height})`);
