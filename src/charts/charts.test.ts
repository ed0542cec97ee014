import { describe, expect, it } from 'vitest';
import { AppError } from '../core/app-error.ts';
import { barChart, describeBarChart } from './bar-chart.ts';
import { lineChart } from './line-chart.ts';
import { svgToPng, svgToPngSync } from './png.ts';
import { formatValue, niceTicks, xmlText } from './svg-text.ts';

/**
 * A small XML well-formedness check: one root element, every tag closed in order, quoted
 * attributes without raw < or &, only the five predefined entities or character references, no
 * markup characters loose in text. Returns the problems found (none for a well-formed document).
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  const checkText = (text: string, where: string) => {
    for (let index = 0; index < text.length; index++) {
      const char = text[index]!;
      if (char === '<') problems.push(`raw < in ${where}`);
      if (char === '>' && where === 'attribute') problems.push('raw > in attribute');
      if (char === '&') {
        entity.lastIndex = index;
        if (!entity.test(text)) problems.push(`bad entity in ${where}: ${text.slice(index, index + 12)}`);
      }
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(char)) problems.push(`control character in ${where}`);
    }
  };
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  let position = 0;
  while (position < xml.length) {
    const next = xml.indexOf('<', position);
    const text = xml.slice(position, next === -1 ? xml.length : next);
    if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root element');
    checkText(text, 'text');
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(xml);
    if (!match) {
      problems.push(`malformed tag at ${next}: ${xml.slice(next, next + 40)}`);
      break;
    }
    const [, closing, name, attributes, selfClosing] = match;
    const names = new Set<string>();
    for (const attribute of attributes!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (names.has(attribute[1]!)) problems.push(`repeated attribute ${attribute[1]} on <${name}>`);
      names.add(attribute[1]!);
      checkText(attribute[2] ?? attribute[3] ?? '', 'attribute');
    }
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    position = tag.lastIndex;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

const hostile = `<script>alert("x")</script> & "quoted" 'single' ]]> <!-- \u0007bell`;

const trend = {
  title: 'Follow-up rate after intent signals, T-NE',
  yLabel: 'follow-up rate',
  yFormat: 'percent' as const,
  series: [
    { name: 'This quarter', points: ['W40', 'W41', 'W42', 'W43', 'W44'].map((week, index) => ({ x: week, y: [0.42, 0.5, 0.47, null, 0.61][index]! })) },
    { name: 'Last quarter', points: ['W40', 'W41', 'W42', 'W43', 'W44'].map((week, index) => ({ x: week, y: 0.3 + index * 0.02 })) },
  ],
};

describe('the text helpers', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText('<b a="1">&\'</b>')).toBe('&lt;b a=&quot;1&quot;&gt;&amp;&#39;&lt;/b&gt;');
    expect(xmlText('a\u0000b\u001Fc\uD800d\tx\ny')).toBe('abcd x y');
  });

  it('formats values and chooses round ticks', () => {
    expect(formatValue(1234567.891)).toBe('1,234,568');
    expect(formatValue(0.4567, 'percent')).toBe('45.7%');
    expect(formatValue(0.04567, 'percent')).toBe('4.57%');
    expect(formatValue(0.25, 'percent', 0.1)).toBe('25%');
    expect(formatValue(-0.0001, 'number', 1)).toBe('0');
    expect(niceTicks(0, 0.83).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 37).ticks).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(5, 5).ticks.length).toBeGreaterThan(1);
  });
});

describe('lineChart', () => {
  it('is well-formed, accessible, self-contained and has a point per value', () => {
    const svg = lineChart(trend);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="360" viewBox="0 0 720 360" role="img" aria-labelledby="(chart-[0-9a-f]{8})-title \1-desc"/);
    expect(svg).toContain('<title id="');
    expect(svg).toMatch(/<desc id="[^"]+">Line chart of follow-up rate, 2 series\. This quarter: 42% at W40 to 61% at W44/);
    expect(svg.match(/<circle class="point"/g)).toHaveLength(9); // one null is a gap, not a point
    expect(svg.match(/<polyline /g)).toHaveLength(3); // the gap splits the first series in two
    expect(svg).toContain('>W44<');
    expect(svg).toContain('>60%<');
    expect(svg).not.toMatch(/href|<script|<image|@import|url\(|<style|<foreignObject/i);
  });

  it('escapes every text that comes from data: title, series names, labels, captions', () => {
    const svg = lineChart({
      title: hostile,
      yLabel: hostile,
      xLabel: hostile,
      series: [
        { name: hostile, points: [{ x: 1, label: hostile, y: 1 }, { x: 2, label: 'Dr. "Reyes" & <co>', y: 2 }] },
        { name: 'second & <b>', points: [{ x: 1, y: 3 }] },
      ],
    });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<co>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;');
    expect(svg).not.toContain('\u0007');
  });

  it('is deterministic and places numeric x on a linear axis', () => {
    const spec = { title: 'Reach', series: [{ name: 'HCPs', points: [{ x: 0, y: 10 }, { x: 10, y: 20 }, { x: 1, y: 15 }] }] };
    expect(lineChart(spec)).toBe(lineChart(structuredClone(spec)));
    const svg = lineChart(spec);
    const xs = [...svg.matchAll(/<circle class="point" cx="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(xs).toHaveLength(3);
    // sorted by x; x = 1 sits a tenth of the way from x = 0 to x = 10
    expect(xs[0]! < xs[1]! && xs[1]! < xs[2]!).toBe(true);
    expect((xs[1]! - xs[0]!) / (xs[2]! - xs[0]!)).toBeCloseTo(0.1, 2);
    expect(lineChart({ ...spec, title: 'Reach 2' })).not.toBe(svg);
  });

  it('handles one point, all-equal values, negatives and empty series', () => {
    for (const series of [
      [{ name: 'one', points: [{ x: 'Jan', y: 5 }] }],
      [{ name: 'flat', points: [{ x: 1, y: 0 }, { x: 2, y: 0 }] }],
      [{ name: 'down', points: [{ x: 1, y: -3 }, { x: 2, y: 4 }] }],
      [{ name: 'empty', points: [] }],
    ]) {
      const svg = lineChart({ title: 't', series });
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).not.toMatch(/NaN|Infinity/);
    }
  });

  it('refuses values that are not numbers and too many points', () => {
    expect(() => lineChart({ title: 't', series: [{ name: 's', points: [{ x: 1, y: Number.NaN }] }] })).toThrow(AppError);
    expect(() => lineChart({ title: 't', series: [] })).toThrow(AppError);
    expect(() => lineChart({ title: 't', series: [{ name: 's', points: Array.from({ length: 2_001 }, (_, x) => ({ x, y: x })) }] })).toThrow(/at most 2000/);
  });
});

describe('barChart', () => {
  const bars = [
    { label: 'u-rep-ne-1 (Jordan Ellison)', value: 12 },
    { label: 'u-rep-ne-2', value: 7 },
    { label: 'u-rep-mw-1', value: 0 },
  ];

  it('is well-formed and accessible, with a bar and a printed value per entry', () => {
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const svg = barChart({ title: 'Dead ends by rep', bars, valueLabel: 'dead ends', orientation });
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg.match(/<rect class="bar"/g)).toHaveLength(3);
      expect(svg).toMatch(/<desc id="[^"]+">Bar chart of dead ends, 3 bars: u-rep-ne-1 \(Jordan Ellison\) 12; u-rep-ne-2 7; u-rep-mw-1 0\.<\/desc>/);
      expect(svg).toContain('>12<');
      expect(svg).not.toMatch(/href|<script|<image|url\(|<style/i);
      expect(barChart({ title: 'Dead ends by rep', bars, valueLabel: 'dead ends', orientation })).toBe(svg);
    }
  });

  it('escapes labels from data (an HCP name or theme term cannot inject markup)', () => {
    const svg = barChart({ title: 'Themes & "terms"', bars: [{ label: hostile, value: 3 }, { label: '<img src=x onerror=alert(1)>', value: 1 }] });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain('Themes &amp; &quot;terms&quot;');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('scales widths to the values, including negative ones, and grows with the number of bars', () => {
    const svg = barChart({ title: 'Change', bars: [{ label: 'up', value: 10 }, { label: 'down', value: -5 }, { label: 'half', value: 5 }] });
    const widths = [...svg.matchAll(/<rect class="bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths[0]! / widths[2]!).toBeCloseTo(2, 1);
    expect(widths[1]! / widths[2]!).toBeCloseTo(1, 1);
    const tall = barChart({ title: 'Many', bars: Array.from({ length: 40 }, (_, index) => ({ label: `bar ${index}`, value: index })) });
    expect(Number(/height="(\d+)"/.exec(tall)![1])).toBeGreaterThan(40 * 26);
    expect(describeBarChart({ title: 'Many', bars: Array.from({ length: 25 }, (_, index) => ({ label: `b${index}`, value: index })) })).toMatch(/and 5 more\.$/);
  });

  it('shows fractions as percentages when asked', () => {
    const svg = barChart({ title: 'Open rate by channel', bars: [{ label: 'email', value: 0.315 }], valueFormat: 'percent', orientation: 'vertical' });
    expect(svg).toContain('>31.5%<');
    expect(svg).toContain('>40%<');
  });

  it('refuses no bars, too many bars and values that are not numbers', () => {
    expect(() => barChart({ title: 't', bars: [] })).toThrow(AppError);
    expect(() => barChart({ title: 't', bars: [{ label: 'a', value: Number.POSITIVE_INFINITY }] })).toThrow(/finite/);
    expect(() => barChart({ title: 't', bars: Array.from({ length: 201 }, () => ({ label: 'a', value: 1 })) })).toThrow(/at most 200/);
  });
});

describe('PNG rendering (resvg with the bundled font)', () => {
  const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('renders a chart to a PNG of the SVG size times the scale', async () => {
    const svg = barChart({ title: 'Dead ends by rep', bars: [{ label: 'a', value: 1 }, { label: 'b', value: 2 }] });
    const image = await svgToPng(svg);
    expect(image.png.subarray(0, 8).equals(pngMagic)).toBe(true);
    expect(image.width).toBe(1440);
    expect(image.height).toBe(Number(/height="(\d+)"/.exec(svg)![1]) * 2);
    // The IHDR chunk carries the same dimensions.
    expect(image.png.readUInt32BE(16)).toBe(image.width);
    expect(image.png.readUInt32BE(20)).toBe(image.height);
    expect((await svgToPng(svg, { scale: 1 })).width).toBe(720);
  });

  it('draws the title text (dark pixels in the title band, none without text)', () => {
    const withTitle = svgToPngSync(lineChart({ ...trend, title: 'Engagement by week' }), { scale: 1 });
    const without = svgToPngSync(lineChart({ ...trend, title: '' }), { scale: 1 });
    const titleBand = (image: { pixels: Buffer; width: number }) => {
      const colours = new Set<number>();
      let dark = 0;
      for (let y = 14; y < 38; y++) {
        for (let x = 14; x < 300; x++) {
          const offset = (y * image.width + x) * 4;
          const [r, g, b] = [image.pixels[offset]!, image.pixels[offset + 1]!, image.pixels[offset + 2]!];
          colours.add((r << 16) | (g << 8) | b);
          if (r + g + b < 300) dark++;
        }
      }
      return { colours: colours.size, dark };
    };
    const drawn = titleBand(withTitle);
    expect(drawn.colours).toBeGreaterThan(1);
    expect(drawn.dark).toBeGreaterThan(100);
    expect(titleBand(without)).toEqual({ colours: 1, dark: 0 });
  });

  it('renders hostile labels as text, and the same input to the same bytes', () => {
    const svg = barChart({ title: hostile, bars: [{ label: hostile, value: 2 }] });
    const first = svgToPngSync(svg);
    expect(first.png.subarray(0, 8).equals(pngMagic)).toBe(true);
    expect(svgToPngSync(svg).png.equals(first.png)).toBe(true);
  });
});
