/** The exported name of a standalone validator: the record type as an identifier (`exit_plan`), or `config`. */
export function validatorName(kind: string): string {
  return kind.replace(/-/g, '_');
}
