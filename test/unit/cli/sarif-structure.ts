/**
 * A structural check of SARIF 2.1.0 output, for the properties Legible writes and GitHub code
 * scanning reads. (No SARIF JSON Schema ships in node_modules, and the tests stay offline.)
 * Returns every problem found, so one assertion shows them all.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPositiveInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;
const LEVELS = new Set(['none', 'note', 'warning', 'error']);

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (condition: boolean, problem: string) => {
    if (!condition) problems.push(problem);
  };
  if (!isObject(log)) return ['the log is not an object'];
  need(log.version === '2.1.0', 'version is not "2.1.0"');
  need(typeof log.$schema === 'string' && /sarif-2\.1\.0/.test(log.$schema), '$schema does not name SARIF 2.1.0');
  if (!Array.isArray(log.runs) || log.runs.length !== 1) return [...problems, 'runs is not an array of one run'];
  const run = log.runs[0] as Json;
  const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
  if (!driver) return [...problems, 'runs[0].tool.driver is missing'];
  need(typeof driver.name === 'string' && driver.name.length > 0, 'driver.name is missing');
  need(typeof driver.informationUri === 'string' && URL.canParse(driver.informationUri), 'driver.informationUri is not an absolute URI');
  const rules = Array.isArray(driver.rules) ? (driver.rules as Json[]) : [];
  need(Array.isArray(driver.rules), 'driver.rules is not an array');
  const ids = rules.map((rule) => rule.id);
  need(new Set(ids).size === ids.length, 'rule ids are not unique');
  rules.forEach((rule, i) => {
    need(typeof rule.id === 'string' && rule.id.length > 0, `rules[${i}].id is missing`);
    need(isObject(rule.shortDescription) && typeof rule.shortDescription.text === 'string' && rule.shortDescription.text.length > 0, `rules[${i}].shortDescription.text is missing`);
    need(typeof rule.helpUri === 'string' && URL.canParse(rule.helpUri), `rules[${i}].helpUri is not an absolute URI`);
    need(isObject(rule.defaultConfiguration) && LEVELS.has(rule.defaultConfiguration.level as string), `rules[${i}].defaultConfiguration.level is not a SARIF level`);
  });
  need(run.columnKind === 'utf16CodeUnits' || run.columnKind === 'unicodeCodePoints', 'columnKind is not a SARIF column kind');
  const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
  if (!Array.isArray(run.results)) return [...problems, 'results is not an array'];
  const checkLocation = (location: unknown, where: string) => {
    const physical = isObject(location) && isObject(location.physicalLocation) ? location.physicalLocation : undefined;
    if (!physical) return need(false, `${where}.physicalLocation is missing`);
    const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : undefined;
    const uri = artifact?.uri;
    need(typeof uri === 'string' && uri.length > 0 && !/^[a-z]+:/i.test(uri) && !uri.startsWith('/') && !uri.includes('\\'), `${where} uri ${String(uri)} is not a relative '/'-separated reference`);
    need(typeof uri !== 'string' || !/[\s#?%]/.test(uri.replace(/%[0-9A-F]{2}/g, '')), `${where} uri ${String(uri)} is not percent-encoded`);
    need(typeof artifact?.uriBaseId === 'string' && (artifact.uriBaseId as string) in bases, `${where} uriBaseId is not declared in originalUriBaseIds`);
    const region = isObject(physical.region) ? physical.region : undefined;
    if (!region) return need(false, `${where}.region is missing`);
    for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) need(isPositiveInteger(region[key]), `${where}.region.${key} is not a 1-based integer`);
    need((region.endLine as number) > (region.startLine as number) || ((region.endLine as number) === (region.startLine as number) && (region.endColumn as number) >= (region.startColumn as number)), `${where}.region ends before it starts`);
  };
  (run.results as Json[]).forEach((result, i) => {
    const where = `results[${i}]`;
    need(typeof result.ruleId === 'string', `${where}.ruleId is missing`);
    need(Number.isInteger(result.ruleIndex) && rules[result.ruleIndex as number]?.id === result.ruleId, `${where}.ruleIndex does not point at rule ${String(result.ruleId)}`);
    need(LEVELS.has(result.level as string), `${where}.level is not a SARIF level`);
    need(isObject(result.message) && typeof result.message.text === 'string' && result.message.text.length > 0, `${where}.message.text is missing`);
    need(Array.isArray(result.locations) && result.locations.length >= 1, `${where}.locations is empty`);
    (Array.isArray(result.locations) ? result.locations : []).forEach((location, j) => checkLocation(location, `${where}.locations[${j}]`));
    if (result.relatedLocations !== undefined) {
      need(Array.isArray(result.relatedLocations), `${where}.relatedLocations is not an array`);
      (result.relatedLocations as Json[]).forEach((location, j) => {
        checkLocation(location, `${where}.relatedLocations[${j}]`);
        need(isObject(location.message) && typeof location.message.text === 'string', `${where}.relatedLocations[${j}].message.text is missing`);
      });
    }
  });
  return problems;
}
