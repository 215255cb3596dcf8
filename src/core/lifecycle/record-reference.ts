import { formatId } from '../index/ids';
import { recordNameOf } from '../numbering/record-name';
import { basename, withoutMarkdownExtension } from '../port/paths';
import type { RecordType } from '../schema/schema-registry';

/**
 * How another record names the one at `path` in `supersedes` / `superseded-by`: its type and the
 * id its file name carries, as written (`ADR-0007`, `RFC-07`, `ADR-20200924`); the file name
 * without `.md` when it carries none.
 */
export function referenceTo(type: RecordType, path: string): string {
  const name = recordNameOf(path);
  return name ? formatId(type, name.number, name.digits.length) : withoutMarkdownExtension(basename(path));
}
