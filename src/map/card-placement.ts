/**
 * Where the hover card goes beside a node: never over it, since the card answers "what is this
 * node?" and hiding the node (or the search's only match) defeats it. Right of the node first (the
 * eye reads on), then left, below, above; when the card fits on no side (a narrow panel), the side
 * with the most room, kept inside the map, and `fits` false so that the caller can make it smaller.
 */
export interface Box { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number }
export interface Size { readonly width: number; readonly height: number }

const GAP = 8;
const MARGIN = 4;

export function cardPlacement(node: Box, card: Size, stage: Size): { left: number; top: number; fits: boolean } {
  const clampX = (x: number) => Math.max(MARGIN, Math.min(x, stage.width - card.width - MARGIN));
  const clampY = (y: number) => Math.max(MARGIN, Math.min(y, stage.height - card.height - MARGIN));
  // Room left over on each side once the card is there; negative: it does not fit.
  const sides = [
    { left: node.right + GAP, top: clampY(node.top), room: stage.width - MARGIN - (node.right + GAP + card.width) },
    { left: node.left - GAP - card.width, top: clampY(node.top), room: node.left - GAP - card.width - MARGIN },
    { left: clampX(node.left), top: node.bottom + GAP, room: stage.height - MARGIN - (node.bottom + GAP + card.height) },
    { left: clampX(node.left), top: node.top - GAP - card.height, room: node.top - GAP - card.height - MARGIN },
  ];
  const fits = sides.find((side) => side.room >= 0);
  const best = fits ?? sides.reduce((a, b) => (b.room > a.room ? b : a));
  return { left: clampX(best.left), top: clampY(best.top), fits: fits !== undefined };
}
