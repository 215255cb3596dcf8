/// <reference lib="dom" />
import { html, svg } from './dom';
import { shape } from './drawing';

/** The legend under the map: each shape, colour and mark drawn as the map draws it, and what it means. */
export function legend(): HTMLElement {
  const element = html('div', { class: 'map-legend', 'aria-label': 'Legend', role: 'note' });
  const item = (swatch: SVGElement, text: string) => {
    const row = html('span', { class: 'legend-item' });
    const icon = svg('svg', { width: 22, height: 22, viewBox: '-11 -11 22 22', 'aria-hidden': 'true' });
    icon.append(swatch);
    row.append(icon, document.createTextNode(text));
    return row;
  };
  const group = (cls: string, ...children: SVGElement[]) => {
    const g = svg('g', { class: `node ${cls}` });
    g.append(...children);
    return g;
  };
  element.append(
    item(group('node-record', shape('adr', 7)), 'ADR'),
    item(group('node-record', shape('rfc', 7)), 'RFC'),
    item(group('node-record', shape('exit-plan', 7)), 'Exit plan'),
    item(group('node-record status-in-force', shape('adr', 7)), 'In force'),
    item(group('node-record status-open', shape('adr', 7)), 'Open'),
    item(group('node-record status-closed', shape('adr', 7)), 'Superseded, deprecated, rejected'),
    item(group('node-record', svg('circle', { class: 'door-ring', r: 9 }), shape('adr', 6)), 'One-way door'),
    item(group('node-record', svg('circle', { class: 'risk-halo', r: 10 }), shape('adr', 5)), 'Knowledge risk'),
    item(group('node-person', svg('rect', { class: 'shape', x: -8, y: -8, width: 16, height: 16, rx: 8 })), 'Person (declared)'),
    item(group('node-person observed', svg('rect', { class: 'shape', x: -8, y: -8, width: 16, height: 16, rx: 8 })), 'Observed author'),
    html('span', { class: 'legend-item' }, 'Size: risk or blast radius · arrows: supersedes, plan'),
  );
  return element;
}
