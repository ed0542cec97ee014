/**
 * Charts where people would rather look than read: pure functions from data to SVG text, and SVG to
 * PNG for Slack. Callers shape their own results into a spec; nothing here knows a tool's output.
 */
export { lineChart, describeLineChart, type LineChartSpec, type LineSeries, type LinePoint } from './line-chart.ts';
export { barChart, describeBarChart, type BarChartSpec, type Bar } from './bar-chart.ts';
export { svgToPng, svgToPngSync, CHART_FONT_PATH, type PngImage, type PngOptions } from './png.ts';
export type { ValueFormat } from './svg-text.ts';
