import { formatId } from '../index/ids';
import { recordNameOf } from '../numbering/record-name';
import type { RecordType } from '../schema/schema-registry';

/**
 * How another record names the one at `path` in `supersedes` / `superseded-by`: its type and the
 * number its file name carries, in the form the schema accepts (`ADR-0007` for `0007-x.md`,
 * `07-x.md` and `adr007-x.md`; `ADR-20200924` for a date-named record). Undefined when the name
 * carries no id (`use-postgres.md`, a record only `recordsWithoutId` makes one): the schema's
 * `decision-id` is an id, never a slug or a path, so no reference can name that record.
 */
export function referenceTo(type: RecordType, path: string): string | undefined {
  const name = recordNameOf(path);
  return name ? formatId(type, name.number, name.digits.length) : undefined;
}
