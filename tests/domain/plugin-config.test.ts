import pluginConfig from '../../src/plugins/disclosure/server/src/config';

const valid = () => JSON.parse(JSON.stringify(pluginConfig.default));
const syndication = valid().syndication;

describe('disclosure plugin configuration', () => {
  test('the defaults are valid', () => {
    expect(() => pluginConfig.validator(valid())).not.toThrow();
  });

  test('attachment origins are scheme, host and port', () => {
    const config = valid();
    config.syndication.attachmentOrigins = [
      'https://files.example.gov.cn',
      'http://10.0.0.5:8080/',
    ];
    expect(() => pluginConfig.validator(config)).not.toThrow();
  });

  test.each([
    ['deadlineTrackingStartsOn', '2025/01/01', /deadlineTrackingStartsOn must be a date/],
    ['autoPublishAtDeadline', 'yes', /autoPublishAtDeadline must be true, false or a list/],
    ['deadlineRules', [{ id: 'Bad Id' }], /deadlineRules\[0\] \(Bad Id\): id must be lower-case/],
    [
      'syndication',
      { ...syndication, attachmentOrigins: ['https://files.example.gov.cn/uploads'] },
      /attachmentOrigins must be a list of origins/,
    ],
    [
      'syndication',
      { ...syndication, attachmentOrigins: ['file:///etc'] },
      /attachmentOrigins must be a list of origins/,
    ],
    [
      'syndication',
      { ...syndication, reprintWithinWorkingDays: 31 },
      /reprintWithinWorkingDays must be a whole number/,
    ],
    [
      'syndication',
      { ...syndication, deliveryIntervalSeconds: 0 },
      /deliveryIntervalSeconds must be a whole number of seconds from 1 to 60/,
    ],
    [
      'syndication',
      { ...syndication, requestTimeoutSeconds: 600 },
      /requestTimeoutSeconds must be a whole number of seconds from 1 to 120/,
    ],
    [
      'search',
      { resultWindow: 5 },
      /search.resultWindow must be a whole number of results from 10 to 10,000/,
    ],
    ['search', { resultWindow: 1.5 }, /search.resultWindow must be a whole number/],
  ])('a bad %s stops the boot, saying what is wrong', (key, value, message) => {
    expect(() => pluginConfig.validator({ ...valid(), [key]: value })).toThrow(message);
  });
});
