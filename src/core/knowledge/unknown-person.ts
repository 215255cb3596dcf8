import { personKey } from './predicates';

/**
 * What to say when no record names `person` as written (any case), so an empty answer is not taken
 * for "nobody depends on them": the names the records use, those that hold the one asked for first
 * (`Dana Okafor <dana.okafor@example.com>` for `Dana Okafor`). `legible report --person` warns it;
 * the MCP server's list_decisions and knowledge_risk add it to their answers. `max` bounds the names
 * listed (an answer an agent reads); undefined when a record names the person.
 */
export function unknownPersonNote(people: readonly string[], person: string, max = Infinity): string | undefined {
  const key = personKey(person);
  if (people.some((name) => personKey(name) === key)) return undefined;
  const holding = key ? people.filter((name) => personKey(name).includes(key)) : [];
  const named = [...holding, ...people.filter((name) => !holding.includes(name))];
  const shown = named.slice(0, max);
  const more = named.length > shown.length ? ` and ${named.length - shown.length} more` : '';
  return `no record names "${person}"${named.length ? `; the people named are ${shown.join(', ')}${more}` : ''}.`;
}
