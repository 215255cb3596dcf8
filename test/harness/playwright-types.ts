// The slice of playwright-core's API the harness and UI suite use. playwright-core lives in
// .legible-cache/ (never in the project's package.json), so its own .d.ts is not resolvable from
// here; these declarations mirror playwright-core 1.65's types. Add members as flows need them.

export interface LaunchPersistentContextOptions {
  executablePath?: string;
  headless?: boolean;
  args?: string[];
  env?: Record<string, string | undefined>;
  viewport?: { width: number; height: number } | null;
  handleSIGINT?: boolean;
  handleSIGTERM?: boolean;
  handleSIGHUP?: boolean;
  timeout?: number;
}

export interface BrowserType {
  launchPersistentContext(userDataDir: string, options?: LaunchPersistentContextOptions): Promise<BrowserContext>;
  version?(): string;
}

export interface PlaywrightModule {
  chromium: BrowserType;
}

export interface Request {
  url(): string;
  method(): string;
}

export interface Route {
  request(): Request;
  continue(): Promise<void>;
  abort(errorCode?: string): Promise<void>;
}

export interface WebSocket {
  url(): string;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  route(url: string | RegExp, handler: (route: Route) => Promise<void> | void): Promise<void>;
  on(event: 'request', listener: (request: Request) => void): void;
  on(event: 'page', listener: (page: Page) => void): void;
  close(): Promise<void>;
  setDefaultTimeout(timeout: number): void;
}

export interface WaitForOptions {
  state?: 'attached' | 'detached' | 'visible' | 'hidden';
  timeout?: number;
}

export interface Locator {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  filter(options: { hasText?: string | RegExp; has?: Locator }): Locator;
  first(): Locator;
  last(): Locator;
  nth(index: number): Locator;
  click(options?: { timeout?: number; button?: 'left' | 'right' | 'middle' }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  boundingBox(options?: { timeout?: number }): Promise<{ x: number; y: number; width: number; height: number } | null>;
  dblclick(options?: { timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  press(key: string, options?: { timeout?: number }): Promise<void>;
  waitFor(options?: WaitForOptions): Promise<void>;
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  inputValue(options?: { timeout?: number }): Promise<string>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  innerText(options?: { timeout?: number }): Promise<string>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  allInnerTexts(): Promise<string[]>;
  evaluateAll<R>(fn: (elements: Element[]) => R): Promise<R>;
}

/** An iframe's document (a webview's), searched like a page. */
export interface FrameLocator {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
}

export interface Dialog {
  message(): string;
  dismiss(): Promise<void>;
}

export interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
}

export interface Mouse {
  move(x: number, y: number, options?: { steps?: number }): Promise<void>;
  down(): Promise<void>;
  up(): Promise<void>;
}

export interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'commit'; timeout?: number }): Promise<unknown>;
  exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<void>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
  setContent(html: string, options?: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number }): Promise<void>;
  /** `fn` runs in the page; its result comes back as JSON. */
  evaluate<R>(fn: (() => R) | string): Promise<R>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  emulateMedia(options: { colorScheme?: 'light' | 'dark' | null }): Promise<void>;
  screenshot(options?: { path?: string; fullPage?: boolean }): Promise<Buffer>;
  /** `fn` may be an expression as a string, evaluated in the page. */
  waitForFunction<R>(fn: (() => R) | string, arg?: undefined, options?: { timeout?: number; polling?: 'raf' | number }): Promise<unknown>;
  on(event: 'console', listener: (message: ConsoleMessage) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  on(event: 'websocket', listener: (socket: WebSocket) => void): void;
  on(event: 'dialog', listener: (dialog: Dialog) => void): void;
  keyboard: Keyboard;
  mouse: Mouse;
  url(): string;
  close(): Promise<void>;
}

/** DOM element, as far as evaluateAll callbacks need it (tsconfig has no "dom" lib). */
export interface Element {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
  getBoundingClientRect(): { top: number; left: number; width: number; height: number };
}
