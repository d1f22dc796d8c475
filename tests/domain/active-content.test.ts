import { activeContentKind } from '../../src/plugins/disclosure/server/src/domain/active-content';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('active content by its first bytes', () => {
  test.each([
    ['MZ\x90\x00', 'executable'],
    ['\x7fELF\x02\x01', 'executable'],
    ['\xcf\xfa\xed\xfe', 'executable'],
    ['#!/bin/sh\nrm -rf /', 'script'],
    ['  <!DOCTYPE html><html>', 'markup'],
    ['<svg xmlns="http://www.w3.org/2000/svg">', 'markup'],
    ['<?xml version="1.0"?>\n<!-- drawn -->\n<svg>', 'markup'],
    ['\xef\xbb\xbf<html><body>', 'markup'],
    ['<p>hello</p><script>alert(1)</script>', 'markup'],
  ])('%j is %s', (head, kind) => {
    expect(activeContentKind(bytes(head))).toBe(kind);
  });

  test('UTF-16 markup is markup too', () => {
    expect(activeContentKind(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<svg>', 'utf16le')])))).toBe('markup');
  });

  test.each([
    ['%PDF-1.7\n%âãÏÓ', 'a PDF'],
    ['PK\x03\x04\x14\x00', 'an Office document (zip)'],
    ['\xff\xd8\xff\xe1<x:xmpmeta><rdf:RDF>', 'a JPEG with XMP'],
    ['\x89PNG\r\n\x1a\n', 'a PNG'],
    ['<?xml version="1.0"?><catalogue><item/></catalogue>', 'an XML data file'],
    ['政府信息公开工作年度报告', 'plain text'],
  ])('%j (%s) is not', (head) => {
    expect(activeContentKind(bytes(head))).toBeNull();
  });
});
