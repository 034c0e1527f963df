import { WholeBoardBudget } from './whole-board-budget';

describe('WholeBoardBudget', () => {
  it('should let whole boards go out up to its burst at once, then as the standings accrue', () => {
    const sut = new WholeBoardBudget(1_000, 10_000, 0);

    expect(sut.take(6_000, 0)).toBe(true);
    expect(sut.take(6_000, 0)).toBe(false);
    expect(sut.take(6_000, 1_999)).toBe(false);
    expect(sut.take(6_000, 2_000)).toBe(true);
  });

  it('should let a board larger than the burst go once the budget is full, leaving it in debt', () => {
    const sut = new WholeBoardBudget(1_000, 10_000, 0);

    expect(sut.take(18_000, 0)).toBe(true);
    expect(sut.allows(1, 7_999)).toBe(false);
    expect(sut.allows(1, 8_001)).toBe(true);
  });

  it('should not accrue past its burst while idle', () => {
    const sut = new WholeBoardBudget(1_000, 10_000, 0);

    expect(sut.take(10_000, 3_600_000)).toBe(true);
    expect(sut.take(1, 3_600_000)).toBe(false);
  });

  it('should spend nothing when only asked', () => {
    const sut = new WholeBoardBudget(1_000, 10_000, 0);

    expect(sut.allows(10_000, 0)).toBe(true);
    expect(sut.take(10_000, 0)).toBe(true);
  });
});
