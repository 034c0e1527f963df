import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsString, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { fieldProblems } from './problem.response';
import { flattenValidationErrors } from './validation';

class Contact {
  @IsString()
  @MaxLength(5)
  name!: string;
}

class Body {
  @IsIn(['regency', 'village'])
  kind!: string;

  @ValidateNested()
  @Type(() => Contact)
  contact!: Contact;
}

const problems = (body: object) =>
  flattenValidationErrors(validateSync(plainToInstance(Body, body), { whitelist: true, forbidNonWhitelisted: true }));

describe('flattenValidationErrors', () => {
  it('should name each broken rule with the figures it was checked against', () => {
    const sut = problems({ kind: 'city', contact: { name: 'Dinas Tenaga Kerja' } });

    expect(sut).toEqual([
      { path: 'kind', message: expect.any(String), code: 'isIn', params: { values: 'regency, village' } },
      { path: 'contact.name', message: expect.any(String), code: 'maxLength', params: { limit: 5 } },
    ]);
  });

  it('should call an unknown field unknownField, at its dotted path', () => {
    const sut = problems({ kind: 'regency', contact: { name: 'Ani', phone: '0812' } });

    expect(sut).toEqual([{ path: 'contact.phone', message: 'is not a known field', code: 'unknownField' }]);
  });
});

describe('fieldProblems', () => {
  it('should keep errors as the contract gives them and put each rule beside its error, in order', () => {
    const sut = fieldProblems([
      { path: 'contact.name', message: 'too long', code: 'maxLength', params: { limit: 200 } },
      { path: 'tier', message: 'closed' },
    ]);

    expect(sut).toEqual({
      errors: [
        { path: 'contact.name', message: 'too long' },
        { path: 'tier', message: 'closed' },
      ],
      rules: [{ path: 'contact.name', code: 'maxLength', params: { limit: 200 } }, { path: 'tier' }],
    });
  });

  it('should leave rules out when no problem names its rule', () => {
    expect(fieldProblems([{ path: '', message: 'must be an array' }])).toEqual({ errors: [{ path: '', message: 'must be an array' }] });
  });
});
