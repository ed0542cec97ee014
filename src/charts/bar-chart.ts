import { AppError } from '../core/app-error.ts';
import { clampSize, coord, formatValue, LABEL_SIZE, niceTicks, palette, stableId, svgHeader, textWidth, TITLE_SIZE, truncate, verticalValueAxis, xmlText, type ValueFormat } from './svg-text.ts';

export interface Bar {
  label: string;
  value: number;
}

export interface BarChartSpec {
  title: string;
  bars: readonly Bar[];
  /** The value axis's caption ("dead ends", "open rate"). */
  valueLabel?: string;
  /** Read by screen readers and used as alt text; a summary of the data is generated when absent. */
  description?: string;
  /** "percent" shows fractions (0.42) as percentages (42%). */
  valueFormat?: ValueFormat;
  /**
   * "horizontal" (default): one row per bar, labels on the left, which suits long labels (names,
   * theme terms). "vertical": columns, for a few short labels (channels, months).
   */
  orientation?: 'horizontal' | 'vertical';
  /** One colour for every bar (default), or a colour per bar from the palette. */
  colourEach?: boolean;
  width?: number;
  /** Vertical charts only; horizontal charts grow with the number of bars. */
  height?: number;
}

const MAX_BARS = 200;
const LABEL_CHARS = 30;

/**
 * A bar chart as SVG text, bars in the order given, each with its value printed beside it and a
 * tooltip with the full label. Pure and deterministic; all text is escaped; nothing is loaded from
 * outside (no fonts, links, scripts).
 */
export function barChart(spec: BarChartSpec): string {
  validate(spec);
  const orientation = spec.orientation ?? 'horizontal';
  const format = spec.valueFormat ?? 'number';
  const width = clampSize(spec.width ?? 720, 320, 2_000);
  const id = stableId('chart', JSON.stringify(spec));
  const values = spec.bars.map((bar) => bar.value);
  const scale = niceTicks(Math.min(0, ...values), Math.max(0, ...values), orientation === 'horizontal' ? 6 : 5);
  const tickLabels = scale.ticks.map((tick) => formatValue(tick, format, scale.step));
  const valueText = spec.bars.map((bar) => formatValue(bar.value, format));
  const colourOf = (index: number) => (spec.colourEach ? palette[index % palette.length]! : palette[0]);
  const barTitle = (bar: Bar, index: number) => `<title>${xmlText(`${bar.label}: ${valueText[index]}`)}</title>`;

  const parts: string[] = [];
  const open = (height: number) => parts.push(...svgHeader({ id, width, height, title: spec.title, description: spec.description ?? describeBarChart(spec) }));

  if (orientation === 'horizontal') {
    const rowHeight = 26;
    const labels = spec.bars.map((bar) => truncate(bar.label, LABEL_CHARS));
    const top = 16 + TITLE_SIZE + 20;
    const left = 16 + Math.min(LABEL_CHARS * LABEL_SIZE * 0.6, Math.max(40, ...labels.map((label) => textWidth(label, LABEL_SIZE)))) + 10;
    const right = 16 + Math.max(...valueText.map((text) => textWidth(text, LABEL_SIZE))) + 8;
    const plotWidth = Math.max(80, width - left - right);
    const plotHeight = Math.max(1, spec.bars.length) * rowHeight;
    const height = top + plotHeight + 8 + LABEL_SIZE + 8 + (spec.valueLabel ? 20 : 0) + 8;
    const xAt = (value: number) => left + ((value - scale.min) / (scale.max - scale.min)) * plotWidth;
    open(height);
    parts.push(`<g class="value-axis" font-size="12" fill="#4d4d4d" text-anchor="middle">`);
    scale.ticks.forEach((tick, index) => {
      const x = coord(xAt(tick));
      parts.push(`<line x1="${x}" y1="${coord(top)}" x2="${x}" y2="${coord(top + plotHeight)}" stroke="${tick === 0 ? '#808080' : '#e0e0e0'}" stroke-width="1"/>`);
      parts.push(`<text x="${x}" y="${coord(top + plotHeight + 8 + LABEL_SIZE)}">${xmlText(tickLabels[index]!)}</text>`);
    });
    parts.push('</g>');
    if (spec.valueLabel) {
      parts.push(`<text x="${coord(left + plotWidth / 2)}" y="${coord(top + plotHeight + 8 + LABEL_SIZE + 20)}" font-size="12" fill="#4d4d4d" text-anchor="middle">${xmlText(truncate(spec.valueLabel, 80))}</text>`);
    }
    parts.push('<g class="bars" font-size="12" fill="#1a1a1a">');
    spec.bars.forEach((bar, index) => {
      const y = top + index * rowHeight;
      const x0 = xAt(0);
      const x1 = xAt(bar.value);
      const barX = Math.min(x0, x1);
      parts.push(`<text x="${coord(left - 8)}" y="${coord(y + rowHeight / 2 + 4)}" text-anchor="end">${xmlText(labels[index]!)}</text>`);
      parts.push(`<rect class="bar" x="${coord(barX)}" y="${coord(y + 4)}" width="${coord(Math.abs(x1 - x0))}" height="${rowHeight - 8}" fill="${colourOf(index)}">${barTitle(bar, index)}</rect>`);
      const valueX = bar.value < 0 ? x0 + 6 : x1 + 6;
      parts.push(`<text x="${coord(valueX)}" y="${coord(y + rowHeight / 2 + 4)}">${xmlText(valueText[index]!)}</text>`);
    });
    parts.push('</g>');
  } else {
    const height = clampSize(spec.height ?? 360, 200, 1_500);
    const top = 16 + TITLE_SIZE + 24;
    const left = 16 + (spec.valueLabel ? 20 : 0) + Math.max(...tickLabels.map((label) => textWidth(label, LABEL_SIZE))) + 8;
    const right = 16;
    const bottom = 16 + LABEL_SIZE + 8;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const slot = plotWidth / spec.bars.length;
    const labelChars = Math.max(3, Math.floor(slot / (LABEL_SIZE * 0.6)) - 1);
    const yAt = (value: number) => top + plotHeight - ((value - scale.min) / (scale.max - scale.min)) * plotHeight;
    open(height);
    parts.push(...verticalValueAxis({ className: 'value-axis', ticks: scale.ticks, tickLabels, yAt, left, top, plotWidth, plotHeight, caption: spec.valueLabel }));
    parts.push('<g class="bars" font-size="12" fill="#1a1a1a" text-anchor="middle">');
    spec.bars.forEach((bar, index) => {
      const cx = left + slot * (index + 0.5);
      const barWidth = Math.max(2, Math.min(64, slot * 0.7));
      const y0 = yAt(0);
      const y1 = yAt(bar.value);
      parts.push(`<rect class="bar" x="${coord(cx - barWidth / 2)}" y="${coord(Math.min(y0, y1))}" width="${coord(barWidth)}" height="${coord(Math.abs(y1 - y0))}" fill="${colourOf(index)}">${barTitle(bar, index)}</rect>`);
      const valueY = bar.value < 0 ? y1 + 14 : y1 - 4;
      parts.push(`<text x="${coord(cx)}" y="${coord(valueY)}">${xmlText(valueText[index]!)}</text>`);
      parts.push(`<text x="${coord(cx)}" y="${coord(top + plotHeight + 6 + LABEL_SIZE)}">${xmlText(truncate(bar.label, labelChars))}</text>`);
    });
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** A plain-language summary of a bar chart: alt text for Slack images and the SVG's desc. */
export function describeBarChart(spec: Pick<BarChartSpec, 'title' | 'bars' | 'valueFormat' | 'valueLabel'>): string {
  const format = spec.valueFormat ?? 'number';
  const listed = spec.bars.slice(0, 20).map((bar) => `${bar.label} ${formatValue(bar.value, format)}`);
  const more = spec.bars.length > 20 ? `; and ${spec.bars.length - 20} more` : '';
  const what = spec.valueLabel ? ` of ${spec.valueLabel}` : '';
  return `Bar chart${what}, ${spec.bars.length} bar${spec.bars.length === 1 ? '' : 's'}: ${listed.join('; ')}${more}.`;
}

function validate(spec: BarChartSpec): void {
  if (typeof spec.title !== 'string') throw new AppError('INVALID_INPUT', 'a chart needs a title');
  if (spec.bars.length === 0) throw new AppError('INVALID_INPUT', 'a bar chart needs at least one bar');
  if (spec.bars.length > MAX_BARS) throw new AppError('INVALID_INPUT', `a bar chart takes at most ${MAX_BARS} bars (got ${spec.bars.length})`);
  for (const bar of spec.bars) {
    if (!Number.isFinite(bar.value)) throw new AppError('INVALID_INPUT', `bar "${bar.label}": the value must be a finite number`);
  }
}
