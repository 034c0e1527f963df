import { forwardedHeaders, proxyTarget } from './api-proxy';

const services = {
  intake: 'http://intake:3001',
  scoring: 'http://scoring:3002/',
  ranking: 'https://ranking.internal/base',
  notification: 'http://notification:3004',
};

describe('proxyTarget', () => {
  it('should send /<service>/v1/… to that service, path and query kept', () => {
    expect(proxyTarget(services, '/intake/v1/nominations?province=15&page=2')?.url.href).toBe(
      'http://intake:3001/v1/nominations?province=15&page=2',
    );
    expect(proxyTarget(services, '/scoring/v1/scores/abc')?.url.href).toBe('http://scoring:3002/v1/scores/abc');
    expect(proxyTarget(services, '/ranking/v1/boards/2024:provincial:15:regency')?.url.href).toBe(
      'https://ranking.internal/base/v1/boards/2024:provincial:15:regency',
    );
  });

  it('should forward nothing but the versioned APIs: no metrics, health, docs or unknown services', () => {
    for (const path of ['/intake/metrics', '/intake/health/ready', '/scoring/docs', '/billing/v1/x', '/intake/v1', '/intake/../v1/x'])
      expect(proxyTarget(services, path)).toBeUndefined();
  });
});

describe('forwardedHeaders', () => {
  it('should drop hop-by-hop headers and add the client to X-Forwarded-For', () => {
    const headers = forwardedHeaders(
      {
        authorization: 'Bearer t',
        connection: 'keep-alive',
        'transfer-encoding': 'chunked',
        host: 'console:3000',
        'x-forwarded-for': '10.0.0.1',
        'content-type': 'application/json',
      },
      '127.0.0.1',
      'console:3000',
    );

    expect(headers).toEqual({
      authorization: 'Bearer t',
      'content-type': 'application/json',
      'x-forwarded-for': '10.0.0.1, 127.0.0.1',
      'x-forwarded-host': 'console:3000',
    });
  });
});
