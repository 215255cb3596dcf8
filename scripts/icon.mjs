// The Marketplace and Open VSX icon: a 128×128 PNG (both refuse SVG icons), drawn at build time
// from media/legible.svg, the activity-bar glyph, so the two never drift apart. The glyph is
// strokes in `currentColor` on nothing, which would vanish on a dark page: the icon sets it in
// white on a rounded square of the gallery banner's colour. resvg renders it (WebAssembly, no
// native build, no install script).
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export const ICON_SIZE = 128;

/** The square the glyph sits on; package.json's galleryBanner uses the same colour. */
export const ICON_BACKGROUND = '#1e3a5f';

let ready;

/** The icon's SVG: the glyph's own shapes (its 24×24 view box), white, inset on the square. */
export function iconSvg(glyph) {
  const body = /<svg\b[^>]*>([\s\S]*)<\/svg>\s*$/.exec(glyph)?.[1];
  if (body === undefined) throw new Error('media/legible.svg: no <svg> element to draw the icon from');
  const white = body.replaceAll('currentColor', '#ffffff');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ICON_SIZE}" height="${ICON_SIZE}" viewBox="0 0 24 24">`,
    `<rect width="24" height="24" rx="4.5" fill="${ICON_BACKGROUND}"/>`,
    // Inset to 80%: the glyph's own 24-unit box runs to the edge of the square otherwise.
    `<g transform="translate(2.4 2.4) scale(0.8)" fill="none" stroke="#ffffff" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${white}</g>`,
    '</svg>',
  ].join('');
}

/** Renders `svgFile` (the glyph) into a 128×128 PNG at `pngFile`. */
export async function writeIcon(svgFile, pngFile) {
  ready ??= readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')).then((wasm) => initWasm(wasm));
  await ready;
  const svg = iconSvg(await readFile(svgFile, 'utf8'));
  const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: ICON_SIZE } }).render();
  if (rendered.width !== ICON_SIZE || rendered.height !== ICON_SIZE) throw new Error(`icon rendered at ${rendered.width}×${rendered.height}, not ${ICON_SIZE}×${ICON_SIZE}`);
  await writeFile(pngFile, rendered.asPng());
}
