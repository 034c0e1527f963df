import { StoredOnce } from './stored-once';

describe('StoredOnce', () => {
  it('should read a key from the store once and answer from memory after', async () => {
    const sut = new StoredOnce<{ code: string }>();
    let reads = 0;
    const read = async () => ({ code: `E${++reads}` });

    const first = await sut.get('E', read);
    const second = await sut.get('E', read);

    expect(first).toEqual({ code: 'E1' });
    expect(second).toBe(first);
    expect(reads).toBe(1);
  });

  it('should look a key not found up again the next time', async () => {
    const sut = new StoredOnce<{ code: string }>();
    const answers = [undefined, { code: 'E' }];

    expect(await sut.get('E', async () => answers.shift())).toBeUndefined();
    expect(await sut.get('E', async () => answers.shift())).toEqual({ code: 'E' });
  });

  it('should hand out a value no reader can alter, however deep', async () => {
    const sut = new StoredOnce<{ categories: Array<{ winners: number }> }>();

    const edition = (await sut.get('E', async () => ({ categories: [{ winners: 3 }] })))!;

    expect(() => {
      edition.categories[0].winners = 1;
    }).toThrow(TypeError);
    expect(() => edition.categories.push({ winners: 1 })).toThrow(TypeError);
  });
});
