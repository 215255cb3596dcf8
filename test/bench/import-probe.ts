// Times `require(bundle)` in a fresh Node process. The extension bundle imports `vscode`, which
// only the extension host provides; a require hook answers that one name with an inert stub so the
// bundle's own import cost can be measured. The stub only has to survive import time: activate()
// is never called, so it is not a test double of the API.
import Module from 'node:module';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

function inert(): unknown {
  // Not a thenable (awaiting it would hang), not a primitive; anything else is the stub again.
  const get = (_target: object, key: string | symbol) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : proxy);
  // esbuild's __toESM copies own properties onto an object inheriting from the module's prototype:
  // the prototype answers every name too, so `vscode.DiagnosticSeverity.Error` works after the copy.
  const prototype = new Proxy({}, { get });
  const proxy: object = new Proxy(function () {}, {
    get,
    getPrototypeOf: () => prototype,
    apply: () => proxy,
    construct: () => proxy,
  });
  return proxy;
}

const vscode = inert();
const loader = Module as unknown as { _load: Loader };
const load = loader._load;
loader._load = function (this: unknown, request, parent, isMain) {
  return request === 'vscode' ? vscode : load.call(this, request, parent, isMain);
};

const bundle = process.argv[2];
const requireBundle = Module.createRequire(__filename);
const started = performance.now();
requireBundle(bundle);
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, startedAtMs: started, maxRssKb: process.resourceUsage().maxRSS })}\n`);
