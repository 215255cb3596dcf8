// Regenerates snippets/legible.code-snippets from the schemas (a unit test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { snippetsFileText } from '../src/core/templates/snippets';

writeFileSync(new URL('../snippets/legible.code-snippets', import.meta.url), snippetsFileText());
console.log('wrote snippets/legible.code-snippets');
