import { version } from '../../package.json';

/** The version shown by `--version` and in SARIF: the package's own, bundled at build time. */
export const VERSION: string = version;
