import type { ErrorObject } from 'ajv';

/** A validator compiled at build time (see ../standalone-source.ts); exported by record type and `config`. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

declare const validators: Readonly<Record<string, StandaloneValidator>>;
export = validators;
