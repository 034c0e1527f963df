import { latestName } from './report';

describe('latestName', () => {
  it('should name the default scale latest and another scale latest-<scale>', () => {
    expect([latestName('default'), latestName('national'), latestName('small')]).toEqual(['latest', 'latest-national', 'latest-small']);
  });
});
