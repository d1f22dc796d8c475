/**
 * Demo organizations: the issuers of the four real policies in fixtures/, arranged as the government
 * hierarchy a disclosure platform serves (province → its office and departments → cities → counties).
 * Codes follow the 行政区划代码 of the region plus a three-digit unit number; they are demo values.
 */
export interface DemoOrganization {
  code: string;
  name: string;
  shortName: string;
  level: 'national' | 'province' | 'city' | 'county' | 'township' | 'department';
  parent?: string;
  regionCode: string;
  portalUrl?: string;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    code: '000014349',
    name: '国务院办公厅',
    shortName: '国办',
    level: 'national',
    regionCode: '100000',
    portalUrl: 'https://www.gov.cn',
  },

  {
    code: '370000000',
    name: '山东省人民政府',
    shortName: '省政府',
    level: 'province',
    regionCode: '370000',
    portalUrl: 'http://www.shandong.gov.cn',
  },
  {
    code: '370000001',
    name: '山东省人民政府办公厅',
    shortName: '省政府办公厅',
    level: 'department',
    parent: '370000000',
    regionCode: '370000',
  },
  {
    code: '370000002',
    name: '山东省人民政府新闻办公室',
    shortName: '省政府新闻办',
    level: 'department',
    parent: '370000000',
    regionCode: '370000',
  },
  {
    code: '370100000',
    name: '济南市人民政府',
    shortName: '济南市政府',
    level: 'city',
    parent: '370000000',
    regionCode: '370100',
    portalUrl: 'http://www.jinan.gov.cn',
  },
  {
    code: '370100001',
    name: '济南市人民政府办公厅',
    shortName: '市政府办公厅',
    level: 'department',
    parent: '370100000',
    regionCode: '370100',
  },
  {
    code: '370100002',
    name: '济南市政务服务管理办公室',
    shortName: '市政务办',
    level: 'department',
    parent: '370100000',
    regionCode: '370100',
  },
  {
    code: '370124000',
    name: '平阴县人民政府',
    shortName: '平阴县政府',
    level: 'county',
    parent: '370100000',
    regionCode: '370124',
  },
  {
    code: '370124001',
    name: '平阴县人民政府办公室',
    shortName: '县政府办公室',
    level: 'department',
    parent: '370124000',
    regionCode: '370124',
  },

  {
    code: '210000000',
    name: '辽宁省人民政府',
    shortName: '辽宁省政府',
    level: 'province',
    regionCode: '210000',
    portalUrl: 'https://www.ln.gov.cn',
  },
  {
    code: '210000001',
    name: '辽宁省人民政府办公厅',
    shortName: '辽宁省政府办公厅',
    level: 'department',
    parent: '210000000',
    regionCode: '210000',
  },
  {
    code: '211100000',
    name: '盘锦市人民政府',
    shortName: '盘锦市政府',
    level: 'city',
    parent: '210000000',
    regionCode: '211100',
    portalUrl: 'http://www.panjin.gov.cn',
  },
  {
    code: '211100001',
    name: '盘锦市人民政府办公室',
    shortName: '盘锦市政府办公室',
    level: 'department',
    parent: '211100000',
    regionCode: '211100',
  },

  {
    code: '440000000',
    name: '广东省人民政府',
    shortName: '广东省政府',
    level: 'province',
    regionCode: '440000',
    portalUrl: 'http://www.gd.gov.cn',
  },
  {
    code: '440000001',
    name: '广东省人民政府办公厅',
    shortName: '广东省政府办公厅',
    level: 'department',
    parent: '440000000',
    regionCode: '440000',
  },
  {
    code: '440800000',
    name: '湛江市人民政府',
    shortName: '湛江市政府',
    level: 'city',
    parent: '440000000',
    regionCode: '440800',
    portalUrl: 'http://www.zhanjiang.gov.cn',
  },
  {
    code: '440800001',
    name: '湛江市人民政府办公室',
    shortName: '湛江市府办',
    level: 'department',
    parent: '440800000',
    regionCode: '440800',
  },
];
