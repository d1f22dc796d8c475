import fs from 'fs';
import path from 'path';
import {
  genreOfTitle,
  parseOfficialDocument,
} from '../../src/plugins/disclosure/server/src/catalogue/rules/official-document';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'seed', 'fixtures', name), 'utf8');

describe('parseOfficialDocument on the real policies', () => {
  test('Shandong 2014 plan: multi-line title, number, signature, issue line, citation', () => {
    const doc = parseOfficialDocument(fixture('shandong-2014-disclosure-plan.txt'));
    expect(doc.title).toBe('山东省人民政府办公厅印发关于进一步加强政府信息公开工作实施方案的通知');
    expect(doc.documentNumber).toBe('鲁政办发〔2014〕8号');
    expect(doc.issuer).toBe('山东省人民政府办公厅');
    expect(doc.writtenDate).toBe('2014-02-19');
    expect(doc.issueDate).toBe('2014-02-20');
    expect(doc.cites).toEqual(['国办发〔2013〕100号']);
    expect(doc.headings[0]).toMatch(/^一、搭建平台/);
    expect(doc.paragraphs.join('\n')).not.toContain('2014年2月20日印发');
    expect(genreOfTitle(doc.title)).toBe('notice');
  });

  test('Panjin 2014 forwarding notice carries the Liaoning opinions it forwards', () => {
    const notice = parseOfficialDocument(fixture('liaoning-panjin-2014-disclosure-opinions.txt'));
    expect(notice.title).toBe(
      '盘锦市人民政府办公室转发省政府办公厅关于进一步加强政府信息公开回应社会关切提升政府公信力实施意见的通知'
    );
    expect(notice.documentNumber).toBeNull();
    expect(notice.issuer).toBe('盘锦市人民政府办公室');
    expect(notice.writtenDate).toBe('2014-01-06');
    expect(notice.cites).toEqual(['辽政办发〔2013〕61号']);
    expect(notice.forwarded).toBeTruthy();

    const opinions = parseOfficialDocument(notice.forwarded as string);
    expect(opinions.title).toBe(
      '辽宁省人民政府办公厅关于进一步加强政府信息公开回应社会关切提升政府公信力的实施意见'
    );
    expect(opinions.documentNumber).toBe('辽政办发〔2013〕61号');
    expect(opinions.issuer).toBe('辽宁省人民政府办公厅');
    expect(opinions.writtenDate).toBe('2013-11-30');
    expect(opinions.cites).toEqual(['国办发〔2013〕100号']);
    expect(genreOfTitle(opinions.title)).toBe('opinion');
  });

  test('Zhanjiang 2015 work points: single-line title, no number', () => {
    const doc = parseOfficialDocument(fixture('zhanjiang-2015-disclosure-workplan.txt'));
    expect(doc.title).toBe('湛江市人民政府办公室关于印发2015年湛江市政府信息公开工作要点的通知');
    expect(doc.documentNumber).toBeNull();
    expect(doc.issuer).toBe('湛江市人民政府办公室');
    expect(doc.writtenDate).toBe('2015-07-14');
    expect(doc.cites).toContain('粤办函〔2015〕248号');
  });

  test('City office 2024 mechanism: page furniture gives source and date', () => {
    const doc = parseOfficialDocument(fixture('city-affairs-office-2024-disclosure-mechanism.txt'));
    expect(doc.title).toBe('市政务办政务公开工作落实机制');
    expect(doc.issuer).toBe('市政务办');
    expect(doc.writtenDate).toBe('2024-09-26');
    expect(doc.paragraphs[0]).toMatch(/^为进一步提升政务公开质量和效率/);
    expect(genreOfTitle(doc.title)).toBe('regulation');
  });
});
