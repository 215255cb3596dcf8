import type { ErrorObject } from 'ajv';

/** A validator compiled at build time (see ../standalone-source.ts); exported by record type (`exit_plan`) and `config`. */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const adr: StandaloneValidator;
export declare const rfc: StandaloneValidator;
export declare const exit_plan: StandaloneValidator;
export declare const config: StandaloneValidator;
