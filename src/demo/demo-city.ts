import type { Role } from '../access/actor';
import type { UnitKind } from '../units/unit.entity';

/** The fictional city the demo runs in. Written for this product; no real place or person. */
export const DEMO_CITY = '云澜市';

export interface DemoUnit {
  key: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  contactPerson: string;
  contactPhone: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'office', name: '云澜市打击治理电信网络诈骗联席会议办公室', shortName: '市反诈办', kind: 'office', contactPerson: '周静', contactPhone: '0571-86001100' },
  { key: 'police', name: '云澜市公安局', shortName: '市公安局', kind: 'department', contactPerson: '王磊', contactPhone: '0571-86001110' },
  { key: 'bank', name: '中国人民银行云澜市分行', shortName: '人行云澜分行', kind: 'department', contactPerson: '陈晓', contactPhone: '0571-86001120' },
  { key: 'miit', name: '云澜市经济和信息化局', shortName: '市经信局', kind: 'department', contactPerson: '吴婷', contactPhone: '0571-86001130' },
  { key: 'cac', name: '中共云澜市委网络安全和信息化委员会办公室', shortName: '市委网信办', kind: 'department', contactPerson: '郑凯', contactPhone: '0571-86001140' },
  { key: 'samr', name: '云澜市市场监督管理局', shortName: '市市场监管局', kind: 'department', contactPerson: '冯雪', contactPhone: '0571-86001150' },
  { key: 'edu', name: '云澜市教育局', shortName: '市教育局', kind: 'department', contactPerson: '何佳', contactPhone: '0571-86001160' },
  { key: 'post', name: '云澜市邮政管理局', shortName: '市邮政管理局', kind: 'department', contactPerson: '许鹏', contactPhone: '0571-86001170' },
  { key: 'telecom', name: '中国电信股份有限公司云澜分公司', shortName: '云澜电信', kind: 'enterprise', contactPerson: '刘洋', contactPhone: '0571-86001180' },
  { key: 'mobile', name: '中国移动通信集团云澜分公司', shortName: '云澜移动', kind: 'enterprise', contactPerson: '杨帆', contactPhone: '0571-86001190' },
  { key: 'unicom', name: '中国联合网络通信有限公司云澜分公司', shortName: '云澜联通', kind: 'enterprise', contactPerson: '黄蕾', contactPhone: '0571-86001200' },
  { key: 'town1', name: '云澜市东湖街道办事处', shortName: '东湖街道', kind: 'township', contactPerson: '赵敏', contactPhone: '0571-86001210' },
  { key: 'town2', name: '云澜市西山镇人民政府', shortName: '西山镇', kind: 'township', contactPerson: '孙浩', contactPhone: '0571-86001220' },
  { key: 'town3', name: '云澜市南溪镇人民政府', shortName: '南溪镇', kind: 'township', contactPerson: '朱琳', contactPhone: '0571-86001230' },
  { key: 'town4', name: '云澜市北塘街道办事处', shortName: '北塘街道', kind: 'township', contactPerson: '林峰', contactPhone: '0571-86001240' },
  { key: 'park', name: '云澜高新技术产业开发区管理委员会', shortName: '高新区管委会', kind: 'other', contactPerson: '高远', contactPhone: '0571-86001250' },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unitKey: string | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'office', displayName: '周静', role: 'office', unitKey: 'office' },
  { username: 'leader', displayName: '李明远（副市长、联席会议召集人）', role: 'leader', unitKey: null },
  { username: 'unit-police', displayName: '王磊', role: 'unit', unitKey: 'police' },
  { username: 'unit-bank', displayName: '陈晓', role: 'unit', unitKey: 'bank' },
  { username: 'unit-telecom', displayName: '刘洋', role: 'unit', unitKey: 'telecom' },
  { username: 'unit-town1', displayName: '赵敏', role: 'unit', unitKey: 'town1' },
  { username: 'unit-town2', displayName: '孙浩', role: 'unit', unitKey: 'town2' },
];
