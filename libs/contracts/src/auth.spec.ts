import { canReadBoard, canReadNomination, coversProvince, type Principal } from './auth';

const who = (role: Principal['role'], provinces?: string[]): Principal => ({
  sub: role,
  name: role,
  role,
  ...(provinces ? { provinces } : {}),
});

describe('auth', () => {
  describe('coversProvince', () => {
    it.each([
      [who('secretariat'), true],
      [who('regional-office', ['15', '16']), true],
      [who('regional-office', ['16']), false],
      [who('assessor'), false],
    ])('should answer %o for province 15 with %s', (principal, expected) => {
      expect(coversProvince(principal, '15')).toBe(expected);
    });
  });

  describe('canReadNomination', () => {
    it.each([
      ['admin', undefined, 'provincial', true],
      ['secretariat', undefined, 'national', true],
      ['regional-office', ['15'], 'provincial', true],
      ['regional-office', ['15'], 'national', true],
      ['regional-office', ['16'], 'provincial', false],
      ['regional-office', ['16'], 'national', false],
      ['regional-office', undefined, 'national', false],
      ['assessor', ['16'], 'national', false],
      ['assessor', undefined, 'provincial', false],
      ['assessor', undefined, 'national', true],
      ['panel-chair', [], 'national', true],
      ['panel-chair', undefined, 'provincial', false],
    ] as const)('should let a %s of %p read a %s nomination of 15: %s', (role, provinces, tier, expected) => {
      const sut = canReadNomination(who(role, provinces ? [...provinces] : undefined), { province: '15', tier });

      expect(sut).toBe(expected);
    });
  });

  describe('canReadBoard', () => {
    it.each([
      ['regional-office', ['16'], 'national', 'national', true],
      ['assessor', undefined, 'national', 'sumatera', true],
      ['regional-office', ['15'], 'provincial', '15', true],
      ['regional-office', ['16'], 'provincial', '15', false],
      ['panel-chair', undefined, 'provincial', '15', false],
      ['secretariat', undefined, 'provincial', '15', true],
    ] as const)('should let a %s of %p read the %s board %s: %s', (role, provinces, tier, scope, expected) => {
      const sut = canReadBoard(who(role, provinces ? [...provinces] : undefined), { tier, scope });

      expect(sut).toBe(expected);
    });
  });
});
