import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { AppError } from '../core/app-error.ts';

/**
 * SVG charts to PNG (for Slack, which does not show SVG), with resvg (a Rust renderer shipped as
 * prebuilt napi binaries on npm). Text is drawn with the bundled DejaVu Sans (data/fonts/, see
 * data/SOURCES.md) and never with system fonts, so a chart renders the same on every machine,
 * including one without any fonts installed. resvg loads nothing from the network.
 */
export const CHART_FONT_PATH = fileURLToPath(new URL('../../data/fonts/DejaVuSans.ttf', import.meta.url));

export interface PngImage {
  png: Buffer;
  width: number;
  height: number;
}

export interface PngOptions {
  /** Pixels per SVG unit (default 2: sharp on high-density screens; a 720-wide chart becomes 1440 px). */
  scale?: number;
}

function renderOptions(options: PngOptions): ResvgRenderOptions {
  if (!existsSync(CHART_FONT_PATH)) throw new AppError('CONFIG_INVALID', `the chart font is missing at ${CHART_FONT_PATH}`);
  const scale = options.scale ?? 2;
  if (!(scale > 0 && scale <= 4)) throw new AppError('INVALID_INPUT', 'the PNG scale must be above 0 and at most 4');
  return {
    font: { loadSystemFonts: false, fontFiles: [CHART_FONT_PATH], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    logLevel: 'off',
  };
}

/** Renders SVG text (lineChart, barChart) to PNG off the event loop (resvg's thread pool). */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<PngImage> {
  const image = await renderAsync(svg, renderOptions(options));
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** svgToPng on the calling thread (a command-line export; a server should use svgToPng). */
export function svgToPngSync(svg: string, options: PngOptions = {}): PngImage & { pixels: Buffer } {
  const image = new Resvg(svg, renderOptions(options)).render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}
