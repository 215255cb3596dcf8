/// <reference lib="dom" />
// The map's only way to make elements: text always goes in as textContent or an attribute value,
// never as markup, so a title like `<img src=x onerror=…>` stays text whatever it holds.

const SVG = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number | undefined>;

function apply<E extends Element>(element: E, attributes: Attributes, text?: string): E {
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, text?: string): SVGElementTagNameMap[K] {
  return apply(document.createElementNS(SVG, tag), attributes, text);
}

export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, text?: string): HTMLElementTagNameMap[K] {
  return apply(document.createElement(tag), attributes, text);
}
