/// <reference lib="dom" />
import { tenth, type Layout } from '../core/map/layout';

/** Where the map's content sits in the SVG: translated by x, y and scaled by k. */
export interface Transform {
  x: number;
  y: number;
  k: number;
}

/**
 * Zoom and pan of the map's viewport: the wheel, a drag on the background, the zoom buttons and
 * keys, fitting the whole map and centring on a node.
 */
export class PanZoom {
  transform: Transform = { x: 0, y: 0, k: 1 };
  private frame = 0;

  constructor(private readonly svgRoot: SVGSVGElement, private readonly viewport: SVGGElement) {
    this.listen();
  }

  zoomBy(factor: number, px?: number, py?: number): void {
    const box = this.svgRoot.getBoundingClientRect();
    const cx = px ?? box.width / 2;
    const cy = py ?? box.height / 2;
    const k = Math.min(8, Math.max(0.02, this.transform.k * factor));
    const applied = k / this.transform.k;
    this.transform = { k, x: cx - (cx - this.transform.x) * applied, y: cy - (cy - this.transform.y) * applied };
    this.schedule();
  }

  /** The whole layout in view, at most a little larger than life. */
  fit(layout: Layout | undefined): void {
    if (!layout) return;
    const box = this.svgRoot.getBoundingClientRect();
    const width = Math.max(1, layout.maxX - layout.minX + 40);
    const height = Math.max(1, layout.maxY - layout.minY + 40);
    const k = Math.min(1.2, Math.max(0.02, Math.min((box.width || 800) / width, (box.height || 600) / height)));
    this.centre((layout.minX + layout.maxX) / 2, (layout.minY + layout.maxY) / 2, k);
  }

  centre(x: number, y: number, k: number): void {
    const box = this.svgRoot.getBoundingClientRect();
    this.transform = { k, x: (box.width || 800) / 2 - x * k, y: (box.height || 600) / 2 - y * k };
    this.apply();
  }

  /** A node the keyboard moved to stays on screen: centred when it is near an edge or beyond it. */
  keepInView(x: number, y: number): void {
    const box = this.svgRoot.getBoundingClientRect();
    const sx = x * this.transform.k + this.transform.x;
    const sy = y * this.transform.k + this.transform.y;
    if (sx < 20 || sy < 20 || sx > box.width - 20 || sy > box.height - 20) this.centre(x, y, this.transform.k);
  }

  apply(): void {
    const { x, y, k } = this.transform;
    this.viewport.setAttribute('transform', `translate(${tenth(x)},${tenth(y)}) scale(${k.toFixed(4)})`);
    // Far out, labels would be a grey smear: drawn again once a reader zooms in.
    this.svgRoot.classList.toggle('far', k < 0.55);
  }

  /** One transform per frame however many wheel or key events arrive. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.apply();
    });
  }

  /**
   * Dragging moves the whole SVG element with a CSS transform (composited: no node is repainted,
   * however many), and the move is written into the map's own transform when the drag ends.
   */
  private listen(): void {
    let drag: { x: number; y: number; dx: number; dy: number; id: number } | undefined;
    this.svgRoot.addEventListener('pointerdown', (event) => {
      if ((event.target as Element).closest('.node')) return;
      drag = { x: event.clientX, y: event.clientY, dx: 0, dy: 0, id: event.pointerId };
      this.svgRoot.setPointerCapture(event.pointerId);
      this.svgRoot.classList.add('panning');
    });
    this.svgRoot.addEventListener('pointermove', (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      drag.dx = event.clientX - drag.x;
      drag.dy = event.clientY - drag.y;
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (drag) this.svgRoot.style.transform = `translate(${drag.dx}px, ${drag.dy}px)`;
      });
    });
    const end = () => {
      if (!drag) return;
      this.transform.x += drag.dx;
      this.transform.y += drag.dy;
      drag = undefined;
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.svgRoot.style.transform = '';
      this.svgRoot.classList.remove('panning');
      this.apply();
    };
    this.svgRoot.addEventListener('pointerup', end);
    this.svgRoot.addEventListener('pointercancel', end);
    this.svgRoot.addEventListener('wheel', (event) => {
      event.preventDefault();
      const box = this.svgRoot.getBoundingClientRect();
      this.zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });
  }
}
