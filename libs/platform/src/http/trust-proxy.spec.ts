import { trustProxySetting } from './trust-proxy';

describe('trustProxySetting', () => {
  it.each<[string, unknown]>([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8 ,fd00::/8', ['loopback', '10.0.0.0/8', 'fd00::/8']],
    ['203.0.113.7', ['203.0.113.7']],
  ])('should read %p as Express’s trust proxy %p', (value, expected) => {
    expect(trustProxySetting(value)).toEqual(expected);
  });

  it.each(['', 'everyone', '10.0.0.0/33', '10.0.0.0/8/1', 'loopback,', '2001:db8::/129'])(
    'should return undefined when the value is %p',
    (value) => {
      expect(trustProxySetting(value)).toBeUndefined();
    },
  );
});
