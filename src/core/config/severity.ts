/** How loud a finding is: what a rule defaults to and what `.legible.json` and the settings may set. */
export type Severity = 'error' | 'warning' | 'info';
