import { AppError } from '../core/app-error.ts';
import { clampSize, coord, dashes, formatValue, LABEL_SIZE, niceTicks, palette, stableId, svgHeader, textWidth, TITLE_SIZE, truncate, verticalValueAxis, xmlText, type ValueFormat } from './svg-text.ts';

/** One point of a series. `x` orders the points: numbers on a linear axis, else text in order of first appearance; `label` is shown for it (default: x). `y` null is a gap. */
export interface LinePoint {
  x: number | string;
  label?: string;
  y: number | null;
}

export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
}

export interface LineChartSpec {
  title: string;
  series: readonly LineSeries[];
  /** The y axis's caption ("follow-up rate", "HCPs reached"). */
  yLabel?: string;
  /** The x axis's caption ("week"). */
  xLabel?: string;
  /** Read by screen readers and used as alt text; a summary of the data is generated when absent. */
  description?: string;
  /** "percent" shows fractions (0.42) as percentages (42%). */
  yFormat?: ValueFormat;
  /** Start the y axis at zero (default true; set false for values far from zero). */
  yFromZero?: boolean;
  width?: number;
  height?: number;
}

const MAX_POINTS = 2_000;

/**
 * A trend chart as SVG text: one line per series, a dot per point (each with a tooltip), axes with
 * round ticks, a legend when there is more than one series. Pure and deterministic: the same spec
 * gives the same bytes. All text is escaped; nothing is loaded from outside (no fonts, links, scripts).
 */
export function lineChart(spec: LineChartSpec): string {
  validate(spec);
  const width = clampSize(spec.width ?? 720, 320, 2_000);
  const height = clampSize(spec.height ?? 360, 200, 1_500);
  const format = spec.yFormat ?? 'number';
  const id = stableId('chart', JSON.stringify(spec));

  // x positions: numeric when every x is a number, else categories in order of first appearance.
  const allPoints = spec.series.flatMap((series) => series.points);
  const numeric = allPoints.every((point) => typeof point.x === 'number');
  const categories: string[] = [];
  const categoryLabels = new Map<string, string>();
  const seen = new Set<string>();
  for (const point of allPoints) {
    const key = String(point.x);
    if (!seen.has(key)) {
      seen.add(key);
      categories.push(key);
    }
    if (point.label !== undefined && !categoryLabels.has(key)) categoryLabels.set(key, point.label);
  }
  const xNumbers = numeric ? allPoints.map((point) => point.x as number) : [];
  const xMin = numeric && xNumbers.length > 0 ? Math.min(...xNumbers) : 0;
  const xMax = numeric && xNumbers.length > 0 ? Math.max(...xNumbers) : Math.max(0, categories.length - 1);

  const ys = allPoints.map((point) => point.y).filter((y): y is number => y !== null);
  const fromZero = spec.yFromZero ?? true;
  const rawMin = ys.length > 0 ? Math.min(...ys, ...(fromZero ? [0] : [])) : 0;
  const rawMax = ys.length > 0 ? Math.max(...ys, ...(fromZero ? [0] : [])) : 1;
  const scaleY = niceTicks(rawMin, rawMax, 5);
  const tickLabels = scaleY.ticks.map((tick) => formatValue(tick, format, scaleY.step));

  const legend = spec.series.length > 1;
  const left = 16 + (spec.yLabel ? 20 : 0) + Math.max(...tickLabels.map((label) => textWidth(label, LABEL_SIZE))) + 8;
  const right = 24;
  const top = 16 + TITLE_SIZE + 16;
  const bottom = 16 + LABEL_SIZE + 8 + (spec.xLabel ? 20 : 0) + (legend ? 24 : 0);
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const xAt = (point: LinePoint): number => {
    const position = numeric ? (point.x as number) : categories.indexOf(String(point.x));
    return xMax === xMin ? left + plotWidth / 2 : left + ((position - xMin) / (xMax - xMin)) * plotWidth;
  };
  const yAt = (value: number) => top + plotHeight - ((value - scaleY.min) / (scaleY.max - scaleY.min)) * plotHeight;

  const parts: string[] = [];
  parts.push(...svgHeader({ id, width, height, title: spec.title, description: spec.description ?? describeLineChart(spec) }));

  // Grid and y axis.
  parts.push(...verticalValueAxis({ className: 'y-axis', ticks: scaleY.ticks, tickLabels, yAt, left, top, plotWidth, plotHeight, caption: spec.yLabel }));

  // x axis labels: at most as many as fit, evenly picked.
  const xTicks = numeric ? numericXTicks(xMin, xMax, allPoints) : categories.map((key) => ({ key, position: categories.indexOf(key) }));
  const maxLabels = Math.max(2, Math.floor(plotWidth / 70));
  const every = Math.max(1, Math.ceil(xTicks.length / maxLabels));
  parts.push(`<g class="x-axis" font-size="12" fill="#4d4d4d" text-anchor="middle">`);
  parts.push(`<line x1="${coord(left)}" y1="${coord(top + plotHeight)}" x2="${coord(left + plotWidth)}" y2="${coord(top + plotHeight)}" stroke="#808080" stroke-width="1"/>`);
  const shown = pickEvenly(xTicks.length, every);
  xTicks.forEach((tick, index) => {
    if (!shown.has(index)) return;
    const x = xAt({ x: numeric ? tick.position : tick.key, y: null });
    const label = categoryLabels.get(tick.key) ?? tick.key;
    parts.push(`<text x="${coord(x)}" y="${coord(top + plotHeight + 6 + LABEL_SIZE)}">${xmlText(truncate(label, Math.max(4, Math.floor((plotWidth / maxLabels) / 7.2))))}</text>`);
  });
  parts.push('</g>');
  if (spec.xLabel) {
    parts.push(`<text x="${coord(left + plotWidth / 2)}" y="${coord(top + plotHeight + 6 + LABEL_SIZE + 20)}" font-size="12" fill="#4d4d4d" text-anchor="middle">${xmlText(truncate(spec.xLabel, 80))}</text>`);
  }

  // Lines and points.
  spec.series.forEach((series, index) => {
    const colour = palette[index % palette.length]!;
    const dash = dashes[Math.floor(index / palette.length) % dashes.length]!;
    const sorted = orderPoints(series.points, numeric, categories);
    parts.push(`<g class="series" data-series="${index}">`);
    const segments: string[] = [];
    let current: string[] = [];
    for (const point of sorted) {
      if (point.y === null) {
        if (current.length > 0) segments.push(current.join(' '));
        current = [];
        continue;
      }
      current.push(`${coord(xAt(point))},${coord(yAt(point.y))}`);
    }
    if (current.length > 0) segments.push(current.join(' '));
    for (const segment of segments) {
      parts.push(`<polyline points="${segment}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} stroke-linejoin="round"/>`);
    }
    for (const point of sorted) {
      if (point.y === null) continue;
      const label = point.label ?? (numeric ? formatValue(point.x as number) : String(point.x));
      parts.push(
        `<circle class="point" cx="${coord(xAt(point))}" cy="${coord(yAt(point.y))}" r="3" fill="${colour}"><title>${xmlText(`${series.name}: ${label}: ${formatValue(point.y, format)}`)}</title></circle>`,
      );
    }
    parts.push('</g>');
  });

  if (legend) {
    let x = left;
    const y = height - 14;
    parts.push('<g class="legend" font-size="12" fill="#1a1a1a">');
    spec.series.forEach((series, index) => {
      const colour = palette[index % palette.length]!;
      const dash = dashes[Math.floor(index / palette.length) % dashes.length]!;
      const name = truncate(series.name, 28);
      if (x + 24 + textWidth(name, LABEL_SIZE) > width - 8) return;
      parts.push(`<line x1="${coord(x)}" y1="${coord(y - 4)}" x2="${coord(x + 18)}" y2="${coord(y - 4)}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
      parts.push(`<text x="${coord(x + 22)}" y="${coord(y)}">${xmlText(name)}</text>`);
      x += 22 + textWidth(name, LABEL_SIZE) + 16;
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** A plain-language summary of a line chart: alt text for Slack images and the SVG's desc. */
export function describeLineChart(spec: Pick<LineChartSpec, 'title' | 'series' | 'yFormat' | 'yLabel'>): string {
  const format = spec.yFormat ?? 'number';
  const what = spec.yLabel ? ` of ${spec.yLabel}` : '';
  const parts = spec.series.slice(0, 10).map((series) => {
    const values = series.points.filter((point) => point.y !== null);
    if (values.length === 0) return `${series.name}: no values`;
    const first = values[0]!;
    const last = values[values.length - 1]!;
    const ys = values.map((point) => point.y!);
    const label = (point: LinePoint) => point.label ?? String(point.x);
    return `${series.name}: ${formatValue(first.y!, format)} at ${label(first)} to ${formatValue(last.y!, format)} at ${label(last)} (low ${formatValue(Math.min(...ys), format)}, high ${formatValue(Math.max(...ys), format)})`;
  });
  const more = spec.series.length > 10 ? `; and ${spec.series.length - 10} more series` : '';
  return `Line chart${what}, ${spec.series.length} series. ${parts.join('; ')}${more}.`;
}

/** Indexes 0, every, 2·every, … and the last one (which replaces the one before it when they would crowd). */
function pickEvenly(count: number, every: number): Set<number> {
  const picked: number[] = [];
  for (let index = 0; index < count; index += every) picked.push(index);
  const last = count - 1;
  if (count > 0 && picked[picked.length - 1] !== last) {
    if (picked.length > 1 && last - picked[picked.length - 1]! < every / 2) picked.pop();
    picked.push(last);
  }
  return new Set(picked);
}

function orderPoints(points: readonly LinePoint[], numeric: boolean, categories: string[]): LinePoint[] {
  const position = (point: LinePoint) => (numeric ? (point.x as number) : categories.indexOf(String(point.x)));
  return points.map((point, index) => ({ point, index })).sort((a, b) => position(a.point) - position(b.point) || a.index - b.index).map(({ point }) => point);
}

function numericXTicks(min: number, max: number, points: readonly LinePoint[]): { key: string; position: number }[] {
  // Points with labels (weeks, months) label themselves; otherwise round ticks.
  if (points.some((point) => point.label !== undefined)) {
    const positions = [...new Set(points.map((point) => point.x as number))].sort((a, b) => a - b);
    return positions.map((position) => ({ key: String(position), position }));
  }
  return niceTicks(min, max, 6).ticks.filter((tick) => tick >= min && tick <= max).map((tick) => ({ key: formatValue(tick), position: tick }));
}

function validate(spec: LineChartSpec): void {
  if (typeof spec.title !== 'string') throw new AppError('INVALID_INPUT', 'a chart needs a title');
  if (spec.series.length === 0) throw new AppError('INVALID_INPUT', 'a line chart needs at least one series');
  let count = 0;
  for (const series of spec.series) {
    for (const point of series.points) {
      count++;
      if (typeof point.x === 'number' && !Number.isFinite(point.x)) throw new AppError('INVALID_INPUT', `series "${series.name}": x must be a finite number`);
      if (point.y !== null && !Number.isFinite(point.y)) throw new AppError('INVALID_INPUT', `series "${series.name}": y must be a finite number or null`);
    }
  }
  if (count > MAX_POINTS) throw new AppError('INVALID_INPUT', `a line chart takes at most ${MAX_POINTS} points (got ${count})`);
}
