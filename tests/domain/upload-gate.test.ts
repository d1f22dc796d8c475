import {
  GateAnswers,
  candidateHashes,
  fileServedAt,
  uploadUrlOf,
  urlsOf,
} from '../../src/plugins/disclosure/server/src/uploads/rules/upload-gate';

describe('which request paths reach a stored file', () => {
  test('the plain path, and every spelling the static server would resolve to it', () => {
    expect(uploadUrlOf('/uploads/report_0a1b2c3d4e.pdf')).toBe('/uploads/report_0a1b2c3d4e.pdf');
    expect(uploadUrlOf('/uploads%2Freport_0a1b2c3d4e.pdf')).toBe('/uploads/report_0a1b2c3d4e.pdf');
    expect(uploadUrlOf('/x/../uploads/report.pdf')).toBe('/uploads/report.pdf');
    expect(uploadUrlOf('/%2e%2e/uploads/./report.pdf')).toBe('/uploads/report.pdf');
    expect(uploadUrlOf('//uploads//report.pdf')).toBe('/uploads/report.pdf');
    expect(uploadUrlOf('/x\\..\\uploads\\report.pdf')).toBe('/uploads/report.pdf');
    // Compared without case (a case-insensitive file system), looked up as stored.
    expect(uploadUrlOf('/UPLOADS/Report.pdf')).toBe('/uploads/Report.pdf');
    expect(uploadUrlOf('/uploads/%E5%B9%B4%E6%8A%A5.pdf')).toBe('/uploads/年报.pdf');
    expect(uploadUrlOf('/uploads')).toBe('/uploads/');
  });

  test('anything else is left alone', () => {
    expect(uploadUrlOf('/api/policy-documents')).toBeNull();
    expect(uploadUrlOf('/favicon.ico')).toBeNull();
    expect(uploadUrlOf('/uploadsx/report.pdf')).toBeNull();
    expect(uploadUrlOf('/api/%E0%A4%A')).toBeNull();
    // Undecodable under /uploads/: still the gate's (the static server would refuse it anyway).
    expect(uploadUrlOf('/uploads/%E0%A4%A')).toBe('/uploads/%E0%A4%A');
  });
});

describe('which stored file a served name is', () => {
  test('its own hash, or what follows any underscore (derivative keys hold underscores)', () => {
    expect(candidateHashes('/uploads/report_0a1b2c3d4e.pdf')).toEqual([
      'report_0a1b2c3d4e',
      '0a1b2c3d4e',
    ]);
    expect(candidateHashes('/uploads/small_webp_chart_0a1b2c3d4e.webp')).toEqual([
      'small_webp_chart_0a1b2c3d4e',
      'webp_chart_0a1b2c3d4e',
      'chart_0a1b2c3d4e',
      '0a1b2c3d4e',
    ]);
    expect(candidateHashes('/uploads/noext')).toEqual(['noext']);
    expect(candidateHashes(`/uploads/${'a_'.repeat(40)}b.pdf`)).toHaveLength(16);
  });

  test('every URL a file is served under: the original and each derivative (JSON or its text)', () => {
    const formats = {
      thumbnail: { url: '/uploads/thumbnail_chart_1.png' },
      thumbnail_webp: { url: '/uploads/thumbnail_webp_chart_1.webp' },
      tile_01: { url: '/uploads/tile_01_chart_1.webp' },
    };
    const file = { id: 1, url: '/uploads/chart_1.png', formats };
    expect(urlsOf(file)).toEqual([
      '/uploads/chart_1.png',
      '/uploads/thumbnail_chart_1.png',
      '/uploads/thumbnail_webp_chart_1.webp',
      '/uploads/tile_01_chart_1.webp',
    ]);
    expect(urlsOf({ ...file, formats: JSON.stringify(formats) })).toHaveLength(4);
    expect(urlsOf({ id: 2, url: null, formats: 'not json' })).toEqual([]);
    const other = { id: 2, url: '/uploads/chart_1_copy.png', formats: null };
    expect(fileServedAt([other, file], '/uploads/tile_01_chart_1.webp')).toBe(file);
    // A candidate by hash whose URLs do not include the name is not it.
    expect(fileServedAt([other, file], '/uploads/tile_02_chart_1.webp')).toBeUndefined();
  });
});

describe('answers kept between content changes', () => {
  test('kept for one content state, all forgotten when it moves', () => {
    const answers = new GateAnswers<string>();
    answers.set('1', '/uploads/a.pdf', 'public');
    expect(answers.get('1', '/uploads/a.pdf')).toBe('public');
    expect(answers.get('2', '/uploads/a.pdf')).toBeUndefined();
    answers.set('2', '/uploads/b.pdf', 'hidden');
    expect(answers.get('2', '/uploads/a.pdf')).toBeUndefined();
    expect(answers.size).toBe(1);
  });

  test('bounded: past its size, the least recently used answer is dropped', () => {
    const answers = new GateAnswers<string>(2);
    answers.set('1', 'a', 'public');
    answers.set('1', 'b', 'hidden');
    expect(answers.get('1', 'a')).toBe('public');
    answers.set('1', 'c', 'unknown');
    expect(answers.size).toBe(2);
    expect(answers.get('1', 'b')).toBeUndefined();
    expect(answers.get('1', 'a')).toBe('public');
  });
});
