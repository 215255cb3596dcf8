// Regenerates src/core/schema/generated/validators.js from the schemas (a unit test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { standaloneValidatorsSource } from '../src/core/schema/standalone-source';

writeFileSync(new URL('../src/core/schema/generated/validators.js', import.meta.url), standaloneValidatorsSource());
console.log('wrote src/core/schema/generated/validators.js');
