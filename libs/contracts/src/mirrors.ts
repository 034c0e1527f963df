/**
 * True when a class (an HTTP DTO) has exactly the fields of a contract shape, each assignable both
 * ways; `Assert<Mirrors<Dto, Shape>>` fails to compile when the two drift apart.
 */
export type Mirrors<Dto, Contract> = [keyof Dto, Dto] extends [keyof Contract, Contract]
  ? [keyof Contract, Contract] extends [keyof Dto, Dto]
    ? true
    : false
  : false;

export type Assert<T extends true> = T;
