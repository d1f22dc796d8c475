import { tilePlan } from '../../src/plugins/disclosure/server/src/uploads/rules/image-tiles';

describe('tiles for tall infographics', () => {
  test('a 750×6000 infographic becomes 4 tiles of 1,500 px, in order, covering it all', () => {
    expect(tilePlan(750, 6000)).toEqual([
      { top: 0, height: 1500 },
      { top: 1500, height: 1500 },
      { top: 3000, height: 1500 },
      { top: 4500, height: 1500 },
    ]);
  });

  test('no tile is taller than 1,600 px, and the last takes the remainder', () => {
    const tiles = tilePlan(500, 3301);
    expect(tiles.map((tile) => tile.height)).toEqual([1101, 1101, 1099]);
    expect(tiles.reduce((sum, tile) => sum + tile.height, 0)).toBe(3301);
    expect(Math.max(...tilePlan(1000, 100_000).map((tile) => tile.height))).toBeLessThanOrEqual(
      1600
    );
  });

  test('an image up to three times as tall as wide is left whole', () => {
    expect(tilePlan(750, 2250)).toEqual([]);
    expect(tilePlan(1920, 1080)).toEqual([]);
    expect(tilePlan(0, 5000)).toEqual([]);
  });
});
