import { imageClaimProblem } from '../../src/plugins/disclosure/server/src/domain/image-format';

describe('an image is what it claims to be', () => {
  test.each([
    ['jpeg', 'image/jpeg', '.jpg'],
    ['jpeg', 'image/jpeg', '.JPEG'],
    ['png', 'image/png', '.png'],
    ['png', 'image/png', undefined],
    ['webp', 'image/webp', '.webp'],
  ])('%s declared %s named %s: accepted', (detected, mime, ext) => {
    expect(imageClaimProblem(detected, mime, ext)).toBeNull();
  });

  test('content of another format than declared or named: refused, saying which', () => {
    expect(imageClaimProblem('png', 'image/jpeg', '.jpg')).toMatch(/^文件内容为 PNG 图片，与所称的 image\/jpeg 不符/);
    expect(imageClaimProblem('png', 'image/png', '.jpg')).toMatch(/与所称的 \.jpg 不符/);
  });

  test('declared an image, but not one at all: refused', () => {
    expect(imageClaimProblem(undefined, 'image/png', '.png')).toMatch(/^文件声明为图片（image\/png），但内容不是可识别的图片/);
  });

  test('not declared an image: not this rule’s business', () => {
    expect(imageClaimProblem(undefined, 'application/pdf', '.pdf')).toBeNull();
    expect(imageClaimProblem('png', 'application/octet-stream', '.bin')).toBeNull();
  });
});
