import { bilingualMessage } from '../../src/plugins/disclosure/server/src/errors/rules/validation-messages';

describe('validation messages for editors', () => {
  test.each([
    ['title must be defined.', ['title'], '标题（title）为必填项 (title must be defined.)'],
    [
      'category must be one of the following values: decision, execution',
      ['category'],
      '五公开类别（category）只能取以下值之一：decision, execution (category must be one of the following values: decision, execution)',
    ],
    [
      'This attribute must be unique',
      ['code'],
      '机构代码（code）已被其他条目使用，须唯一 (This attribute must be unique)',
    ],
    [
      'regionCode must match the following: "/^[1-8][0-9]{5}$/"',
      ['regionCode'],
      '行政区划代码（regionCode）格式不正确 (regionCode must match the following: "/^[1-8][0-9]{5}$/")',
    ],
    [
      'title must be at most 500 characters',
      ['title'],
      '标题（title）最多 500 个字符 (title must be at most 500 characters)',
    ],
    ['2 errors occurred', undefined, '共 2 处错误 (2 errors occurred)'],
  ])('%s', (message, path, expected) => {
    expect(bilingualMessage(message, path as string[] | undefined)).toBe(expected);
  });

  test('nested component fields are named by their own label', () => {
    expect(bilingualMessage('question must be defined.', ['questions', 0, 'question'])).toBe(
      '问题（questions.0.question）为必填项 (question must be defined.)'
    );
    expect(bilingualMessage('x must be defined.', ['unlabelled'])).toBe(
      'unlabelled为必填项 (x must be defined.)'
    );
    expect(bilingualMessage('kind must be defined.', ['channels', 0, 'kind'])).toBe(
      '类型（channels.0.kind）为必填项 (kind must be defined.)'
    );
  });

  test('a message already in Chinese is kept', () => {
    expect(
      bilingualMessage('发布机构必填 (issuingOrganization is required)', ['issuingOrganization'])
    ).toBe('发布机构必填 (issuingOrganization is required)');
  });
});
