import * as path from 'node:path';

/**
 * Decision folders from public repositories, copied into the repository with their sources and
 * licenses (see its README): every test reads them from here, never from outside the clone.
 */
export const REAL_WORLD = path.resolve(__dirname, '..', '..', 'fixtures', 'real-world');

/** Every corpus folder the tests expect, one per legacy format it stands for. */
export const REAL_WORLD_FOLDERS = ['ethersync', 'jabref', 'log4brains', 'madr', 'rust-rfcs'] as const;
