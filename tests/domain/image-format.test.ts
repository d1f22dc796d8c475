import { imageClaimProblem } from '../../src/plugins/disclosure/server/src/uploads/rules/image-format';

describe('an image is what it was declared as', () => {
  test.each([
    ['jpeg', 'image/jpeg'],
    ['jpeg', 'image/JPEG'],
    ['jpeg', 'image/pjpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['bmp', 'image/x-ms-bmp'],
  ])('%s declared %s: accepted', (detected, mime) => {
    expect(imageClaimProblem(detected, mime)).toBeNull();
  });

  test('content of another format than declared: refused, saying which', () => {
    expect(imageClaimProblem('png', 'image/jpeg')).toMatch(
      /^文件内容为 PNG 图片，与所称的 image\/jpeg 不符.*\(the content is png, not image\/jpeg\)$/
    );
  });

  test('declared an image, but not one at all: refused', () => {
    expect(imageClaimProblem(undefined, 'image/png')).toMatch(
      /^文件声明为图片（image\/png），但内容不是可识别的图片/
    );
    expect(imageClaimProblem('pdf', 'image/png')).toMatch(
      /^文件声明为图片（image\/png），但内容不是可识别的图片/
    );
  });

  test('not declared an image: not this rule’s business', () => {
    expect(imageClaimProblem(undefined, 'application/pdf')).toBeNull();
    expect(imageClaimProblem('png', 'application/octet-stream')).toBeNull();
    expect(imageClaimProblem('png', undefined)).toBeNull();
  });
});
