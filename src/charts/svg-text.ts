/**
 * Text and number helpers shared by the chart functions. Every string that reaches an SVG passes
 * through `xmlText`: labels come from data (HCP names, theme terms, rep names) and must never become
 * markup.
 */

/** Characters XML 1.0 does not allow at all (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an SVG text node or a double- or single-quoted attribute; drops characters XML cannot hold. */
export function xmlText(value: string): string {
  return value
    .replace(forbidden, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/[\t\n\r]+/g, ' ');
}

/** A label cut to `max` characters (an ellipsis marks the cut), by code point so no surrogate pair is split. */
export function truncate(value: string, max: number): string {
  const points = [...value.replace(/\s+/g, ' ').trim()];
  return points.length <= max ? points.join('') : `${points.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Rough width of text in DejaVu Sans (about 0.6 em per character), for layout only. */
export function textWidth(value: string, fontSize: number): number {
  return [...value].length * fontSize * 0.6;
}

/** A coordinate with at most two decimals, so output is short and the same on every machine. */
export function coord(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A chart size in whole pixels within [min, max]; min for anything not finite. */
export function clampSize(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.round(Math.min(max, Math.max(min, value))) : min;
}

export type ValueFormat = 'number' | 'percent';

/** 1234.5 → "1,234.5", 0.456 as a percent → "45.6%". Deterministic (no locale). */
export function formatValue(value: number, format: ValueFormat = 'number', step?: number): string {
  if (format === 'percent') return `${groupThousands(trimDecimals(value * 100, decimalsFor(step === undefined ? undefined : step * 100, value * 100)))}%`;
  return groupThousands(trimDecimals(value, decimalsFor(step, value)));
}

function decimalsFor(step: number | undefined, value: number): number {
  if (step !== undefined && step > 0) return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  if (Number.isInteger(value)) return 0;
  const magnitude = Math.abs(value);
  return magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
}

function trimDecimals(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const sign = whole!.startsWith('-') ? '-' : '';
  const digits = sign ? whole!.slice(1) : whole!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Round tick values ("nice numbers": 1, 2, 2.5, 5 × 10^k) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): { ticks: number[]; step: number; min: number; max: number } {
  if (!(max > min)) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.5;
    return niceTicks(min - (min === 0 ? 0 : pad), max + pad, count);
  }
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power;
  const low = Math.floor(min / step + 1e-9) * step;
  const high = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let value = low; value <= high + step / 2; value += step) ticks.push(Math.round(value / step) * step);
  return { ticks: ticks.map((tick) => Number(tick.toPrecision(12))), step, min: low, max: high };
}

/** A short stable id (FNV-1a, hex) for element ids, so two charts on one page do not share ids. */
export function stableId(prefix: string, content: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < content.length; index++) {
    hash ^= content.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${prefix}-${hash.toString(16).padStart(8, '0')}`;
}

/** Okabe–Ito colours (distinguishable with colour-vision deficiencies), darkest-contrast first; yellow left out (too faint on white). */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;
/** Dash patterns for series beyond the palette, so series stay apart without colour too. */
export const dashes = ['', '6 3', '2 3', '8 3 2 3'] as const;

export const FONT_FAMILY = 'DejaVu Sans, Verdana, Arial, sans-serif';

export const TITLE_SIZE = 16;
export const LABEL_SIZE = 12;

/** The opening of every chart: the svg element, its accessible title and description, a white ground and the visible title. */
export function svgHeader(chart: { id: string; width: number; height: number; title: string; description: string }): string[] {
  const { id, width, height, title } = chart;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT_FAMILY}">`,
    `<title id="${id}-title">${xmlText(title)}</title>`,
    `<desc id="${id}-desc">${xmlText(chart.description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="${16 + TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#1a1a1a">${xmlText(truncate(title, Math.floor((width - 32) / (TITLE_SIZE * 0.6))))}</text>`,
  ];
}

/**
 * A vertical value axis: a horizontal grid line and label per tick (the zero line darker), and the
 * axis caption turned on its side, when there is one.
 */
export function verticalValueAxis(axis: {
  className: string;
  ticks: readonly number[];
  tickLabels: readonly string[];
  yAt: (value: number) => number;
  left: number;
  top: number;
  plotWidth: number;
  plotHeight: number;
  caption: string | undefined;
}): string[] {
  const { left, top, plotWidth, plotHeight, yAt } = axis;
  const parts = [`<g class="${axis.className}" font-size="12" fill="#4d4d4d" text-anchor="end">`];
  axis.ticks.forEach((tick, index) => {
    const y = coord(yAt(tick));
    parts.push(`<line x1="${coord(left)}" y1="${y}" x2="${coord(left + plotWidth)}" y2="${y}" stroke="${tick === 0 ? '#808080' : '#e0e0e0'}" stroke-width="1"/>`);
    parts.push(`<text x="${coord(left - 6)}" y="${coord(yAt(tick) + 4)}">${xmlText(axis.tickLabels[index]!)}</text>`);
  });
  parts.push('</g>');
  if (axis.caption) {
    const cy = top + plotHeight / 2;
    parts.push(`<text x="20" y="${coord(cy)}" font-size="12" fill="#4d4d4d" text-anchor="middle" transform="rotate(-90 20 ${coord(cy)})">${xmlText(truncate(axis.caption, Math.floor(plotHeight / 7.2)))}</text>`);
  }
  return parts;
}
