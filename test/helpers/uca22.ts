/** UserConsolidatedAddRequest22 texts that several test areas start from (tests append to or edit them). */

/** John Doe at ent1/grp1 in YAML, with `lastName` left out: the server and authoring tests expect OCI-MISSING or add it. */
export const UCA_YAML = `command: UserConsolidatedAddRequest22
serviceProviderId: ent1
groupId: grp1
userId: jdoe@example.com
firstName: John
callingLineIdLastName: Doe
callingLineIdFirstName: John
password: s3cret!
`;

/** Alice Martin at acme/hq in YAML, every name element present: the checks tests append the elements under test. */
export const UCA_ALICE_YAML = `command: UserConsolidatedAddRequest22
serviceProviderId: acme
groupId: hq
userId: alice@acme.example
lastName: Martin
firstName: Alice
callingLineIdLastName: Martin
callingLineIdFirstName: Alice
password: Secret-123
`;

/** An OCI document up to the open UserConsolidatedAddRequest22 `<command>`; the body goes between this and XML_TAIL. */
export const XML_HEAD = `<?xml version="1.0" encoding="ISO-8859-1"?>
<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <sessionId xmlns="">s1</sessionId>
  <command xsi:type="UserConsolidatedAddRequest22" xmlns="">
`;

export const XML_TAIL = `  </command>
</BroadsoftDocument>
`;
