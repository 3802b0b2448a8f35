/** A policy whose fields are called `__proto__` and `constructor`: legal ids, and keys a plain object mishandles. */
export const PROTO_POLICY = `policy p effective 2022-01-01 until 2022-12-31
tier t
field __proto__ field constructor
metric share = __proto__ / constructor
target all_units for all: from 2022-10-31 share >= 40%
`;
