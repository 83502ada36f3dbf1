import { apiServerUrl } from './api-document';

describe('apiServerUrl', () => {
  it.each([
    ['https://dbs.example.gov.cn', 'https://dbs.example.gov.cn'],
    ['https://gw.example.gov.cn/dbs', 'https://gw.example.gov.cn/dbs'],
    ['http://10.0.0.5:3000', 'http://10.0.0.5:3000'],
    ['http://localhost:3000', '/'],
    ['http://127.0.0.1:8080', '/'],
    ['http://[::1]:3000', '/'],
  ])('%s → %s', (publicUrl, expected) => {
    expect(apiServerUrl(publicUrl)).toBe(expected);
  });
});
