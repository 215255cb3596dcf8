// README's pictures: a UI flow's screenshot copied into media/ when LEGIBLE_SCREENSHOT=1 (then
// compressed with pngquant when it is installed), so normal runs never touch the committed files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../harness/paths';

export function writeMedia(shot: string, name: string): void {
  if (process.env.LEGIBLE_SCREENSHOT !== '1') return;
  const media = path.join(REPO_ROOT, 'media', name);
  fs.copyFileSync(shot, media);
  const quantized = spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-95', '--output', media, media], { stdio: 'inherit' });
  if (quantized.error) console.log(`      pngquant not run (${quantized.error.message}): ${media} is the raw PNG`);
  console.log(`      wrote ${path.relative(REPO_ROOT, media)} (${Math.round(fs.statSync(media).size / 1024)} KiB)`);
}
