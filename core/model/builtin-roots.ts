/**
 * What the committed built-in model (generated/r25.json) holds: the closure of these
 * types. UserConsolidatedAddRequest22 is the main command; UserGetRequest23V2 and
 * UserDeleteRequest let a user check and undo it; the two core responses are what the
 * server answers to all three.
 */
export const BUILTIN_ROOTS = [
  'UserConsolidatedAddRequest22',
  'UserDeleteRequest',
  'UserGetRequest23V2',
  'C:SuccessResponse',
  'C:ErrorResponse',
];
