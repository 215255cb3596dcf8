import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A file's text once it matches `pattern`, read again on each change notification of its folder
 * (deadline 10 s): what VS Code saved, without polling on a timer.
 */
export function fileContaining(file: string, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const text = fs.readFileSync(file, 'utf8');
      if (!pattern.test(text)) return false;
      watcher.close();
      clearTimeout(deadline);
      resolve(text);
      return true;
    };
    const watcher = fs.watch(path.dirname(file), () => void check());
    const deadline = setTimeout(() => {
      watcher.close();
      reject(new Error(`${file} never matched ${pattern}:\n${fs.readFileSync(file, 'utf8')}`));
    }, 10_000);
    check();
  });
}
