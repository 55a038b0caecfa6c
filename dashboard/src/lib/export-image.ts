/**
 * SVG and PNG export of a chart. The exported image carries the chart's title and source line, so
 * a picture pasted into a report still says what it shows and where it comes from. Charts draw
 * with presentation attributes (not stylesheet classes), so a serialised clone looks the same.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_HEIGHT = 28;
const SOURCE_HEIGHT = 22;
const FONT = 'system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';

function textNode(content: string, x: number, y: number, size: number, weight = 'normal'): SVGTextElement {
  const text = document.createElementNS(SVG_NS, 'text');
  Object.entries({ x, y, 'font-size': size, 'font-weight': weight, fill: '#222' }).forEach(([k, v]) => text.setAttribute(k, String(v)));
  text.textContent = content; // textContent: titles may hold data, never parsed as markup
  return text;
}

/** A standalone SVG document of the chart with title above and source below. */
export function chartSvg(chart: SVGSVGElement, title: string, source: string): { markup: string; width: number; height: number } {
  const width = Number(chart.getAttribute('width'));
  const height = Number(chart.getAttribute('height'));
  const total = height + TITLE_HEIGHT + SOURCE_HEIGHT;
  const root = document.createElementNS(SVG_NS, 'svg');
  Object.entries({ xmlns: SVG_NS, width, height: total, viewBox: `0 0 ${width} ${total}`, 'font-family': FONT })
    .forEach(([k, v]) => root.setAttribute(k, String(v)));
  const background = document.createElementNS(SVG_NS, 'rect');
  Object.entries({ width, height: total, fill: '#fff' }).forEach(([k, v]) => background.setAttribute(k, String(v)));
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0,${TITLE_HEIGHT})`);
  body.append(...[...chart.cloneNode(true).childNodes]);
  root.append(background, textNode(title, 4, 18, 14, 'bold'), body, textNode(source, 4, total - 7, 10));
  return { markup: new XMLSerializer().serializeToString(root), width, height: total };
}

/** Renders SVG markup to a PNG at twice its size (sharp on high-density screens and in print). */
export async function svgToPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: width * scale, height: height * scale });
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
