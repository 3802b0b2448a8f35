/** A policy whose fields are called `__proto__` and `constructor`: legal ids, and keys a plain object mishandles. */
export const PROTO_POLICY = `policy p effective 2022-01-01 until 2022-12-31
tier t
field __proto__ field constructor
metric share = __proto__ / constructor
target all_units for all: from 2022-10-31 share >= 40%
`;

/** The same words as the ids of a tier, a unit, a metric and a target. */
export const PROTO_IDS = `policy p effective 2022-01-01 until 2022-12-31
tier constructor
unit __proto__ "Proto" tier constructor
field a field b
metric __proto__ = a / b
target toString for all: from 2022-10-31 __proto__ >= 40%
`;
