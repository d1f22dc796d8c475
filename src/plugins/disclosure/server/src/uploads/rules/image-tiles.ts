/**
 * Very tall infographics (图解) are cut into tiles for reading on a phone: an image taller than three
 * times its width becomes tiles of equal height, none taller than 1,600 px, in reading order.
 */
export const TALL_RATIO = 3;
export const MAX_TILE_HEIGHT = 1600;

export interface Tile {
  top: number;
  height: number;
}

export function tilePlan(width: number, height: number, maxTileHeight = MAX_TILE_HEIGHT): Tile[] {
  if (!(width > 0) || !(height > 0) || height <= TALL_RATIO * width) return [];
  const count = Math.ceil(height / maxTileHeight);
  const tileHeight = Math.ceil(height / count);
  const tiles: Tile[] = [];
  for (let top = 0; top < height; top += tileHeight)
    tiles.push({ top, height: Math.min(tileHeight, height - top) });
  return tiles;
}
