/**
 * Child process of the repository-pattern tests: compiles more distinct patterns than RE2's fixed
 * 16 MB WebAssembly heap holds (about 4,500), then asks the first and the last one. Emscripten
 * prints the out-of-memory abort to stderr here, not in mocha's output.
 */
import { re2RegexEngine } from '../../../../src/node/re2-regex-engine';

const first = re2RegexEngine.compile('^[a-z]+(-[a-z]+)*$', 'u');
let compiled = 0;
let last = first;
for (; compiled < 6000; compiled++) last = re2RegexEngine.compile(`^x${compiled}[a-z]+(-[a-z]+)*$`, 'u');
process.stdout.write(`${JSON.stringify({ compiled, first: [first.test('card-acquirer'), first.test('Card')], last: [last.test(`x${compiled - 1}ab-cd`), last.test('x0ab')] })}\n`);
