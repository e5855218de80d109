/**
 * Writes the app's icons (public/icons/): icon.svg, drawn here, and the PNGs a web app manifest and iOS want
 * (192 and 512 px, a maskable 512 px with the picture inside the safe zone, a 180 px apple-touch-icon), each
 * rasterised from the SVG by Debian's Chromium. Run `npx tsx scripts/makeIcons.ts` after changing the picture;
 * the files are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../vitest.config';

const OUT = join(import.meta.dirname, '..', 'public', 'icons');

/** Rows of tiles from the input (bottom) to the ten outputs (top), in a 512-unit box; `scale` shrinks toward the centre. */
function picture(scale: number): string {
  const rows = [
    { y: 404, n: 6, size: 40, gap: 14 },
    { y: 318, n: 6, size: 30, gap: 16 },
    { y: 240, n: 5, size: 26, gap: 18 },
    { y: 168, n: 4, size: 22, gap: 22 },
    { y: 104, n: 10, size: 20, gap: 12 },
  ];
  const centres = rows.map((r) => {
    const width = r.n * r.size + (r.n - 1) * r.gap;
    return Array.from({ length: r.n }, (_, i) => ({ x: 256 - width / 2 + i * (r.size + r.gap) + r.size / 2, ...r }));
  });
  const lines: string[] = [];
  for (let r = 0; r + 1 < centres.length; r++)
    for (const a of centres[r])
      for (const b of centres[r + 1]) lines.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" />`);
  const tiles = centres.flatMap((row, r) =>
    row.map((t, i) => {
      const lit = r === centres.length - 1 ? i === 5 : (i * 7 + r * 3) % 5 < 2;
      const fill = lit ? '#ff9c38' : r === 0 ? '#f7f5ef' : '#4b6fa8';
      return `<rect x="${t.x - t.size / 2}" y="${t.y - t.size / 2}" width="${t.size}" height="${t.size}" rx="${t.size / 6}" fill="${fill}" />`;
    }),
  );
  return `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
  <g stroke="#7d93bd" stroke-opacity="0.28" stroke-width="2">${lines.join('')}</g>
  ${tiles.join('\n  ')}
</g>`;
}

/** The icon as SVG: a rounded dark square (or, maskable, a full-bleed one) holding the picture. */
function svg(maskable: boolean): string {
  const background = maskable
    ? '<rect width="512" height="512" fill="#11151e" />'
    : '<rect width="512" height="512" rx="104" fill="#11151e" />';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
${background}
${picture(maskable ? 0.78 : 0.96)}
</svg>
`;
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'icon.svg'), svg(false));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
const targets = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
];
for (const { file, size, maskable } of targets) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const source = svg(maskable).replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${source}`);
  writeFileSync(join(OUT, file), await page.screenshot({ omitBackground: true, type: 'png' }));
  await page.close();
  console.log(`wrote public/icons/${file}`);
}
await browser.close();
