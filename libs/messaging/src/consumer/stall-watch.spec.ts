import { StallWatch } from './stall-watch';

describe('StallWatch', () => {
  let clock = 0;
  const now = () => clock;

  beforeEach(() => (clock = 1_000));

  it('is alive until the allowed silence has passed', () => {
    const watch = new StallWatch(60_000, now);
    clock += 60_000;
    expect(watch.silentFor()).toBeUndefined();
    clock += 1;
    expect(watch.silentFor()).toBe(60_001);
  });

  it('counts the silence from the latest sign of life', () => {
    const watch = new StallWatch(60_000, now);
    clock += 59_000;
    watch.sign();
    clock += 59_000;
    expect(watch.silentFor()).toBeUndefined();
    clock += 2_000;
    expect(watch.silentFor()).toBe(61_000);
  });
});
