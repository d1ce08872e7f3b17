/**
 * Every diagnostic code the product emits, with its severity and the documentation sentence or schema
 * fact it enforces. docs/rules.md is generated from this table (`npm run gen:rules`) and a test keeps
 * the two in step, and checks that no code is emitted that is not listed here.
 *
 * Quoted sentences come from the user's command document (UserConsolidatedAddRequest22.seed.txt);
 * schema facts are stated in our own words.
 */
import type { DiagnosticKind, Severity } from './types';

export interface RuleInfo {
  code: string;
  severity: Severity;
  kind: DiagnosticKind;
  /** What the check reports, in a few words. */
  title: string;
  /** The sentence of the documentation (quoted) or the schema fact it enforces. */
  source: string;
  /** Data mode the rule applies in, when it depends on it. */
  mode?: 'AS' | 'XS';
  /**
   * 'first-per-key': reported once per file for each `Diagnostic.key` (e.g. per group): only the first
   * diagnostic with this code and key in file order is kept, and none after a command that claims the key
   * (`Diagnostic.claim`). See ./scope.
   */
  scope?: 'first-per-key';
}

const UCA = 'UserConsolidatedAddRequest22';

/**
 * The principles every rule below follows; docs/rules.md states them (core/checks/rules-doc.ts renders them).
 */
export const RULE_PRINCIPLES: { title: string; text: string }[] = [
  {
    title: 'The XSD decides errors',
    text: 'A schema error is reported exactly when the real R25 XSD refuses the document (an agreement test compares every generated document with the JDK validator). Anything stricter that BroadWorks would still accept is a warning, information or hint, never an error.',
  },
  {
    title: 'Whitespace is XSD whitespace',
    text: "Every value is measured (length, emptiness), compared (enumerations, fixed values, ranges, patterns) and matched against tables (user services, service packs, the new user template, `ocip.servicePacks` and `ocip.newUserTemplateServices`) after its own type's XSD whitespace rule: `preserve` keeps it, `replace` turns tab, line feed and carriage return into spaces, `collapse` also joins runs of spaces and drops leading and trailing ones. Only U+0020, U+0009, U+000A and U+000D are whitespace: a no-break space (U+00A0), U+2000–U+200A, U+3000 or U+FEFF is an ordinary character, so a value made of a no-break space is a valid one-character token.",
  },
  {
    title: 'An error only when the request fails whatever the server state',
    text: 'A rule whose outcome depends on what exists on the server (does the group exist, is the number already in the group, is the domain or service assigned, is external authentication enabled) is at most a warning without that state. It is an error only when the request fails whatever the state, or when the state it needs is stated in the settings (e.g. `ocip.servicePacks` and `ocip.newUserTemplateServices` for the service prerequisites; the administrator level `ocip.adminLevel`).',
  },
];

export const RULES: RuleInfo[] = [
  // Syntax
  {
    code: 'OCI-YAML-SYNTAX',
    severity: 'error',
    kind: 'syntax',
    title: 'YAML syntax error',
    source: 'The file must be well-formed YAML; the rest of the file is still checked.',
  },
  {
    code: 'OCI-YAML-DUPLICATE-KEY',
    severity: 'error',
    kind: 'syntax',
    title: 'Duplicate key in a YAML mapping',
    source: 'A key may appear once per mapping; repeated elements are written as a YAML list.',
  },
  {
    code: 'OCI-YAML-NOT-MAPPING',
    severity: 'error',
    kind: 'syntax',
    title: 'A YAML document is not a mapping',
    source: 'Each YAML document is one command: a mapping with `command:` and the element names as keys.',
  },
  {
    code: 'OCI-YAML-TAG',
    severity: 'error',
    kind: 'syntax',
    title: 'Unsupported YAML tag',
    source: 'OCI-P values are text; YAML tags other than the standard scalar tags have no meaning here.',
  },
  {
    code: 'OCI-YAML-KEY',
    severity: 'error',
    kind: 'syntax',
    title: 'A key that is not a plain name',
    source: 'Keys are element names (or `command`, `xsi:type`); lists, mappings and aliases cannot be keys.',
  },
  {
    code: 'OCI-YAML-COMMAND-NAME',
    severity: 'error',
    kind: 'syntax',
    title: '`command:` does not hold a name',
    source: 'The value of `command:` is the command type name.',
  },
  { code: 'OCI-YAML-XSI-TYPE', severity: 'error', kind: 'syntax', title: 'Empty `xsi:type`', source: '`xsi:type` names a concrete type.' },
  {
    code: 'OCI-YAML-NESTED-LIST',
    severity: 'error',
    kind: 'syntax',
    title: 'A list inside a list',
    source: 'Repeated elements are one list of values or mappings; a list item cannot itself be a list.',
  },
  {
    code: 'OCI-YAML-ALIAS',
    severity: 'error',
    kind: 'syntax',
    title: 'Unknown, self-referencing or exploding alias',
    source: 'An alias must name an earlier anchor; expansion is bounded (20,000 nodes and 4 MiB of text per document) against alias bombs.',
  },
  {
    code: 'OCI-YAML-TOO-DEEP',
    severity: 'error',
    kind: 'syntax',
    title: 'Nesting deeper than 64 levels',
    source: 'OCI-P commands are a few levels deep; very deep input is cut off to stay fast.',
  },
  {
    code: 'OCI-YAML-TOO-MANY-PROBLEMS',
    severity: 'error',
    kind: 'syntax',
    title: 'More than 100 syntax problems in one document',
    source: 'Further problems in the document are counted, not listed.',
  },
  {
    code: 'OCI-XML-SYNTAX',
    severity: 'error',
    kind: 'syntax',
    title: 'XML is not well-formed',
    source: 'The document must be well-formed XML; the rest of the file is still checked.',
  },
  {
    code: 'OCI-XML-DTD',
    severity: 'error',
    kind: 'syntax',
    title: 'DOCTYPE or entity declaration',
    source:
      'OCI-P documents have no DTD; declarations are never expanded or fetched (protection against entity bombs and external entities).',
  },
  {
    code: 'OCI-XML-ENTITY',
    severity: 'error',
    kind: 'syntax',
    title: 'Undefined entity reference',
    source: 'Only the five predefined XML entities and character references are defined.',
  },
  {
    code: 'OCI-XML-MIXED',
    severity: 'error',
    kind: 'syntax',
    title: 'Text mixed with child elements',
    source: 'OCI-P elements hold either text or child elements, never both.',
  },
  {
    code: 'OCI-XML-NAMESPACE',
    severity: 'error',
    kind: 'schema',
    title: 'Wrong or undefined namespace',
    source: 'BroadsoftDocument is in namespace C; sessionId, command and everything inside a command are in no namespace (xmlns="").',
  },
  // Envelope (XML)
  {
    code: 'OCI-ENVELOPE-ROOT',
    severity: 'error',
    kind: 'schema',
    title: 'Wrong root element',
    source: 'The root is BroadsoftDocument (namespace C), or bare command elements.',
  },
  {
    code: 'OCI-ENVELOPE-PROTOCOL',
    severity: 'error',
    kind: 'schema',
    title: 'protocol attribute missing or wrong',
    source: 'BroadsoftDocument requires protocol="OCI".',
  },
  {
    code: 'OCI-ENVELOPE-SESSION',
    severity: 'error',
    kind: 'schema',
    title: 'sessionId missing',
    source: 'BroadsoftDocument starts with one of sessionId, userId, phoneNumber, linePort or externalUserIdentity.',
  },
  {
    code: 'OCI-ENVELOPE-COUNT',
    severity: 'error',
    kind: 'schema',
    title: 'Not 1 to 15 commands',
    source: 'A BroadsoftDocument holds 1 to 15 command elements.',
  },
  {
    code: 'OCI-ENVELOPE-ELEMENT',
    severity: 'error',
    kind: 'schema',
    title: 'Unexpected envelope element',
    source: 'BroadsoftDocument contains the session element, an optional trackingId, then the commands, in that order.',
  },
  // Commands and structure
  {
    code: 'OCI-COMMAND-MISSING',
    severity: 'error',
    kind: 'schema',
    title: 'Command name missing',
    source: 'Each command names its type: `command:` in YAML, xsi:type in XML.',
  },
  {
    code: 'OCI-UNKNOWN-COMMAND',
    severity: 'error',
    kind: 'schema',
    title: 'Unknown command, with "did you mean"',
    source: 'The command type must exist in the schema (the server answers [Error 6004] otherwise).',
  },
  {
    code: 'OCI-NOT-REQUEST',
    severity: 'error',
    kind: 'schema',
    title: 'Not a request type',
    source: 'Only request types (derived from OCIRequest) can be sent.',
  },
  {
    code: 'OCI-UNKNOWN-ELEMENT',
    severity: 'error',
    kind: 'schema',
    title: 'Unknown element, with "did you mean" (snake_case names too)',
    source: "Only the elements of the type's content model are allowed.",
  },
  {
    code: 'OCI-MISSING',
    severity: 'error',
    kind: 'schema',
    title: 'Required element missing',
    source: 'Elements with minOccurs 1 must be present (at any depth, when their parent is present).',
  },
  {
    code: 'OCI-TOO-MANY',
    severity: 'error',
    kind: 'schema',
    title: 'More occurrences than maxOccurs',
    source: 'An element may occur at most maxOccurs times (e.g. alias 3, alternateUserId 4, contact 5).',
  },
  {
    code: 'OCI-CHOICE-MISSING',
    severity: 'error',
    kind: 'schema',
    title: 'No branch of a required choice',
    source: `A choice takes exactly one branch, e.g. serviceProviderId + groupId, or groupExternalId in ${UCA}.`,
  },
  {
    code: 'OCI-CHOICE-CONFLICT',
    severity: 'error',
    kind: 'schema',
    title: 'Two branches of a choice',
    source: 'A choice takes exactly one branch, e.g. accessDeviceEndpoint or trunkAddressing, not both.',
  },
  {
    code: 'OCI-ORDER',
    severity: 'error',
    kind: 'schema',
    title: 'Element out of schema order (XML)',
    source: 'Every content model is an xs:sequence; BroadWorks rejects out-of-order elements. YAML keys may be in any order.',
  },
  {
    code: 'OCI-XSI-TYPE-MISSING',
    severity: 'error',
    kind: 'schema',
    title: 'Abstract element without xsi:type',
    source:
      'An element of an abstract type (department: DepartmentKey) must name a concrete type (GroupDepartmentKey or EnterpriseDepartmentKey).',
  },
  {
    code: 'OCI-XSI-TYPE-INVALID',
    severity: 'error',
    kind: 'schema',
    title: 'xsi:type not derived from the declared type',
    source: 'xsi:type must name the declared type or a type derived from it.',
  },
  {
    code: 'OCI-NIL',
    severity: 'error',
    kind: 'schema',
    title: 'nil on a non-nillable element',
    source: 'xsi:nil (YAML null) is allowed only on nillable elements, and a nil element is empty.',
  },
  {
    code: 'OCI-ATTRIBUTE',
    severity: 'error',
    kind: 'schema',
    title: 'Attribute the schema does not declare',
    source:
      'Only BroadsoftDocument (protocol) and a request command (echo, requestLocale) declare attributes; elsewhere only xsi:type, xsi:nil (and the ignored xsi:schemaLocation hints) and namespace declarations are allowed.',
  },
  {
    code: 'OCI-EXPECTED-VALUE',
    severity: 'error',
    kind: 'schema',
    title: 'Nested content where a value is expected',
    source: 'Elements of simple type hold text only.',
  },
  {
    code: 'OCI-EXPECTED-CONTENT',
    severity: 'error',
    kind: 'schema',
    title: 'A value where nested elements are expected',
    source: 'Elements of complex type hold child elements (a YAML mapping).',
  },
  // Values
  {
    code: 'OCI-EMPTY',
    severity: 'error',
    kind: 'schema',
    title: 'Empty value',
    source:
      "Every string type here has minLength 1, counted after the type's own whitespace rule (xs:token collapses only U+0020, U+0009, U+000A, U+000D: a no-break space is a character).",
  },
  {
    code: 'OCI-LENGTH',
    severity: 'error',
    kind: 'schema',
    title: 'Too short or too long',
    source: 'minLength / maxLength / length facets, counted in characters after whitespace collapse.',
  },
  {
    code: 'OCI-RANGE',
    severity: 'error',
    kind: 'schema',
    title: 'Number out of range',
    source: 'minInclusive / maxInclusive facets (compared as 32-bit floats for xs:float) and the ranges of xs:int and xs:long.',
  },
  { code: 'OCI-INTEGER', severity: 'error', kind: 'schema', title: 'Not a whole number', source: 'xs:int values are whole numbers.' },
  {
    code: 'OCI-NUMBER',
    severity: 'error',
    kind: 'schema',
    title: 'Not a number',
    source:
      'xs:decimal values are digits with an optional sign and decimal point; xs:float and xs:double also allow an exponent, INF, -INF and NaN.',
  },
  { code: 'OCI-BOOLEAN', severity: 'error', kind: 'schema', title: 'Not a boolean', source: 'xs:boolean accepts true, false, 1 and 0.' },
  {
    code: 'OCI-ENUM',
    severity: 'error',
    kind: 'schema',
    title: 'Not an allowed value (names the closest ones)',
    source: 'Enumerations (UserService: 212 values, GroupService, AccessDeviceLevel, ExtendedTransportProtocol, ...).',
  },
  {
    code: 'OCI-FIXED',
    severity: 'error',
    kind: 'schema',
    title: 'Fixed value differs',
    source: 'addPhoneNumberToGroup, useExisting and unlimited are fixed to true: false and 0 are schema errors.',
  },
  {
    code: 'OCI-DATE',
    severity: 'error',
    kind: 'schema',
    title: 'Not a date',
    source: 'xs:date values are YYYY-MM-DD with a real month and day, optionally with a time zone.',
  },
  {
    code: 'OCI-DATETIME',
    severity: 'error',
    kind: 'schema',
    title: 'Not a date and time',
    source: 'xs:dateTime values are YYYY-MM-DDThh:mm:ss (seconds required), optionally with fractions of a second and a time zone.',
  },
  {
    code: 'OCI-TIME',
    severity: 'error',
    kind: 'schema',
    title: 'Not a time',
    source: 'xs:time values are hh:mm:ss, optionally with fractions of a second and a time zone (not used by R25).',
  },
  {
    code: 'OCI-BASE64',
    severity: 'error',
    kind: 'schema',
    title: 'Not base64 content',
    source: 'xs:base64Binary values use the base64 alphabet in groups of four characters, with = padding only at the end.',
  },
  {
    code: 'OCI-HEX',
    severity: 'error',
    kind: 'schema',
    title: 'Not hexadecimal content',
    source: 'xs:hexBinary values are pairs of hexadecimal digits (not used by R25).',
  },
  {
    code: 'OCI-NMTOKEN',
    severity: 'error',
    kind: 'schema',
    title: 'Not a name token',
    source: 'xs:NMTOKEN values are name characters only: letters, digits, ".", "-", "_", ":", no spaces.',
  },
  {
    code: 'OCI-DURATION',
    severity: 'error',
    kind: 'schema',
    title: 'Not a duration',
    source: 'xs:duration values are PnYnMnDTnHnMnS (not used by R25).',
  },
  {
    code: 'OCI-LANGUAGE',
    severity: 'error',
    kind: 'schema',
    title: 'Not a language tag',
    source: 'xs:language values are tags such as en-US (not used by R25).',
  },
  {
    code: 'OCI-EMPTY-CONTENT',
    severity: 'error',
    kind: 'schema',
    title: 'Whitespace inside an element of empty content',
    source: 'An element (or command) whose type declares no content may not contain any character, not even spaces or line breaks (XML).',
  },
  {
    code: 'OCI-UNION',
    severity: 'error',
    kind: 'schema',
    title: 'Value matches no member of a union type',
    source: 'xs:union values must be valid for one of the member types (not used by UserConsolidatedAddRequest22).',
  },
  {
    code: 'OCI-PATTERN',
    severity: 'error',
    kind: 'schema',
    title: 'Pattern mismatch',
    source: 'xs:pattern facets (none in the UserConsolidatedAddRequest22 closure; used by other commands).',
  },
  // UserConsolidatedAddRequest22: documented mode and authority rules
  {
    code: 'OCI-XS-IGNORED',
    severity: 'warning',
    kind: 'rule',
    mode: 'XS',
    title: 'Element ignored in XS data mode (faded)',
    source:
      '"The following elements are ignored in XS data mode: addPhoneNumberToGroup, nameDialingName, alternateUserId, passcode, trunkAddressing, thirdPartyVoiceMailServerSelection, thirdPartyVoiceMailServerUserServer, thirdPartyVoiceMailServerMailboxIdType, thirdPartyVoiceMailMailboxURL, sipAuthenticationData, isPlace." Also hotlineContact (AS only) and, inside trunk addressing, physicalLocation (AS only).',
  },
  {
    code: 'OCI-XS-SYSTEM-ONLY',
    severity: 'error',
    kind: 'rule',
    mode: 'XS',
    title: 'XS mode needs a System administrator',
    source: '"In XS data mode: only the System level administrator has the authorization level to execute the command."',
  },
  {
    code: 'OCI-GROUP-PROPERTIES',
    severity: 'hint',
    kind: 'rule',
    scope: 'first-per-key',
    title:
      'No groupProperties: the group must exist (reported once per group and file: on the first command for the group, none when an earlier command creates it)',
    source: '"If the group needs to be created, the groupProperties element must be set or the request will fail."',
  },
  {
    code: 'OCI-GROUP-CREATE-LEVEL',
    severity: 'warning',
    kind: 'rule',
    mode: 'AS',
    title: 'Group creation needs a Service Provider administrator or above',
    source:
      '"The group will be added if it does not exist and if the command is executed by a Service Provider level administrator or above."',
  },
  {
    code: 'OCI-DOMAIN-LEVEL',
    severity: 'information',
    kind: 'rule',
    mode: 'AS',
    title: 'Domain assignment needs Provisioning (service provider) or Service Provider (group) level',
    source:
      '"If the domain has not been assigned to the group, it will be added to group if the command is executed by a Service provider level administrator or above. If the domain has not been assigned to the service provider, it will be added to the service provider if the command is executed by a Provisioning level administrator or above. The command will fail otherwise."',
  },
  {
    code: 'OCI-ADD-NUMBER-LEVEL',
    severity: 'warning',
    kind: 'rule',
    mode: 'AS',
    title: 'addPhoneNumberToGroup needs a Service Provider administrator or above (when the number is not yet in the group)',
    source:
      '"If the phoneNumber has not been assigned to the group and addPhoneNumberToGroup is set to true, it will be added to group if the command is executed by a service provider administrator or above and the number is already assigned to the service provider. The command will fail otherwise."',
  },
  {
    code: 'OCI-ADD-NUMBER-NO-NUMBER',
    severity: 'warning',
    kind: 'rule',
    title: 'addPhoneNumberToGroup without phoneNumber',
    source: 'addPhoneNumberToGroup acts on phoneNumber; without a phoneNumber it has no effect.',
  },
  {
    code: 'OCI-PASSWORD-REQUIRED',
    severity: 'warning',
    kind: 'rule',
    mode: 'AS',
    title: 'Password required unless external authentication (server configuration; ocip.externalAuthentication)',
    source: '"The password is not required if external authentication is enabled."',
  },
  {
    code: 'OCI-ALT-ID-LEVEL',
    severity: 'error',
    kind: 'rule',
    mode: 'AS',
    title: 'Alternate user ids need a Group administrator or above',
    source: '"Alternate user ids can be added by a group level administrator or above."',
  },
  {
    code: 'OCI-SERVICE-AUTH-LEVEL',
    severity: 'warning',
    kind: 'rule',
    mode: 'AS',
    title: 'Authorizing a service or pack to the group needs a Service Provider administrator',
    source:
      '"The userService/servicePack will be authorized to the group if it has not been authorized to the group if the command is executed by a Service Provider level administrator or above. The command will fail otherwise."',
  },
  {
    code: 'OCI-SERVICE-REQUIRED',
    severity: 'error',
    kind: 'rule',
    title: 'Element needs a service that the request does not assign',
    source:
      '"When sharedCallAppearanceAccessDeviceEndpoint element is included and the Shared Call Appearance is not included in the service/service pack of the request or in the "new user template", the request will fail." Likewise thirdPartyVoiceMail elements (Third-Party Voice Mail Support) and sipAuthenticationData (Authentication). In XS mode the new user template does not count.',
  },
  {
    code: 'OCI-SERVICE-UNVERIFIED',
    severity: 'information',
    kind: 'info',
    title: 'Cannot verify a service prerequisite (pack contents or template unknown)',
    source:
      'Service pack contents (ocip.servicePacks) and the new user template (ocip.newUserTemplateServices) live on the server; when unknown, the prerequisite is reported as unverifiable, never as an error.',
  },
  // Rules documented on nested types
  {
    code: 'OCI-XS-ONE-CONTACT',
    severity: 'error',
    kind: 'rule',
    mode: 'XS',
    title: 'At most one contact on accessDeviceEndpoint in XS mode',
    source: 'The endpoint type documents that XS data mode allows a single contact.',
  },
  {
    code: 'OCI-MULTI-CONTACT',
    severity: 'hint',
    kind: 'rule',
    mode: 'AS',
    title: 'Several contacts need a static-registration device',
    source: 'The endpoint type documents that more than one contact works only for devices capable of static registration.',
  },
  {
    code: 'OCI-XS-HOTLINE',
    severity: 'warning',
    kind: 'rule',
    mode: 'XS',
    title: 'useHotline true in XS mode',
    source: 'useHotline and hotlineContact are AS-only; the endpoint types document that useHotline should be false in XS data mode.',
  },
  {
    code: 'OCI-AS-IGNORED',
    severity: 'warning',
    kind: 'rule',
    mode: 'AS',
    title: 'Element ignored in AS data mode (faded)',
    source: 'The shared call appearance endpoint type documents that privateIdentity is used only in XS data mode.',
  },
  {
    code: 'OCI-XS-TLS',
    severity: 'error',
    kind: 'rule',
    mode: 'XS',
    title: 'transportProtocol TLS in XS mode',
    source: 'The ExtendedTransportProtocol type documents that TLS fails in XS data mode.',
  },
  {
    code: 'OCI-XS-TRUNK-IDENTITY-PAIR',
    severity: 'warning',
    kind: 'rule',
    mode: 'XS',
    title: 'alternateTrunkIdentity and its domain set together',
    source:
      'The trunk addressing type documents that in XS mode both alternateTrunkIdentity and alternateTrunkIdentityDomain should be set, or neither.',
  },
  {
    code: 'OCI-IMS-ONLY',
    severity: 'hint',
    kind: 'rule',
    mode: 'AS',
    title: 'alternateTrunkIdentityDomain is for XS or IMS mode',
    source:
      'The trunk addressing type documents that alternateTrunkIdentityDomain is used only in XS mode and by an AS deployed in IMS mode.',
  },
  // Data-mode rules read at run time from the documentation of the user's own schema (ocip.schemaDirectory / --schema-dir)
  {
    code: 'OCI-DOC-XS-IGNORED',
    severity: 'warning',
    kind: 'rule',
    mode: 'XS',
    title: 'Element documented as AS only and ignored in XS data mode (faded)',
    source:
      'Read from the loaded schema\'s documentation of the command or type: "The following elements are only used in AS data mode and ignored in XS data mode:" and its variants. A documented "use value X in XS data mode" is accepted.',
  },
  {
    code: 'OCI-DOC-XS-FAILS',
    severity: 'error',
    kind: 'rule',
    mode: 'XS',
    title: 'Element (or value) documented as AS only and failing in XS data mode',
    source:
      'Read from the loaded schema\'s documentation: "... only used in AS data mode and will fail in XS data mode:" / "an error is returned in the XS data mode", also for listed values of an enumerated element.',
  },
  {
    code: 'OCI-DOC-AS-ONLY',
    severity: 'information',
    kind: 'rule',
    mode: 'XS',
    title: 'Element documented as AS only (effect in XS data mode not stated)',
    source:
      'Read from the loaded schema\'s documentation: "The following elements are only used in AS data mode:" without saying what XS data mode does; also contradictory or qualified entries.',
  },
  {
    code: 'OCI-DOC-AS-IGNORED',
    severity: 'warning',
    kind: 'rule',
    mode: 'AS',
    title: 'Element documented as XS only and ignored in AS data mode (faded)',
    source:
      'Read from the loaded schema\'s documentation: "The following elements are only used in XS data mode and ignored in AS data mode:" and its variants.',
  },
  {
    code: 'OCI-DOC-AS-FAILS',
    severity: 'error',
    kind: 'rule',
    mode: 'AS',
    title: 'Element (or value) documented as XS only and failing in AS data mode',
    source: 'Read from the loaded schema\'s documentation: "... only used in XS data mode and will fail in AS data mode:".',
  },
  {
    code: 'OCI-DOC-XS-ONLY',
    severity: 'information',
    kind: 'rule',
    mode: 'AS',
    title: 'Element documented as XS only (effect in AS data mode not stated)',
    source:
      'Read from the loaded schema\'s documentation: "The following elements are only used in XS data mode:" or an element documented "only used in XS data mode".',
  },
  // Rules stated in prose on simple types
  {
    code: 'OCI-SP-BYTES',
    severity: 'error',
    kind: 'rule',
    title: 'Service provider id over 30 bytes',
    source: 'The ServiceProviderId type documents a limit of 30 bytes (UTF-8), not characters.',
  },
  {
    code: 'OCI-ALIAS-FORMAT',
    severity: 'warning',
    kind: 'rule',
    title: 'Alias is not user@host without sip:',
    source:
      'An alias (SIPURI) is written without "sip:", with exactly one @ and both user and host parts, using letters, digits and - _ . ! ~ * \' ( ).',
  },
  {
    code: 'OCI-LINEPORT-FORMAT',
    severity: 'warning',
    kind: 'rule',
    title: 'Line/port or private identity has sip: or invalid characters',
    source:
      'Line/port and private identity are written without "sip:", using letters, digits and - _ . ! ~ * \' ( ) @; a private identity has exactly one @.',
  },
  {
    code: 'OCI-DN-FORMAT',
    severity: 'warning',
    kind: 'rule',
    title: 'Phone number is not a directory number',
    source:
      'phoneNumber and callingLineIdPhoneNumber (DN) are E.164 directory numbers: digits, optionally with a leading + and a country-code dash (+1-2125551234).',
  },
  {
    code: 'OCI-USERID-DOMAIN',
    severity: 'warning',
    kind: 'rule',
    title: 'userId without @domain',
    source: '"The domain is required in the userId." (request documentation of UserConsolidatedAddRequest22)',
  },
  {
    code: 'OCI-ENCODING',
    severity: 'error',
    kind: 'syntax',
    title: 'Malformed UTF-8 in a file (CLI)',
    source:
      'Files are read as their byte-order mark or XML declaration says (ISO-8859-1 is common for OCI-P), else as UTF-8; bad bytes are reported at their position, never silently replaced.',
  },
  {
    code: 'OCI-MORE-PROBLEMS',
    severity: 'error',
    kind: 'info',
    title: 'More problems than are listed for one file',
    source:
      'At most 1,000 diagnostics are listed per file (editor and CLI); one more diagnostic, at the first problem not listed, counts the rest (an error when any of them is).',
  },
  {
    code: 'OCI-IO',
    severity: 'error',
    kind: 'syntax',
    title: 'File cannot be read (CLI)',
    source: 'ocip validate reports unreadable files and exits with status 2.',
  },
  // Templates and their data (core/template)
  {
    code: 'OCI-TEMPLATE-SYNTAX',
    severity: 'error',
    kind: 'syntax',
    title: 'Malformed placeholder in a template',
    source: 'A placeholder is written ${name} or ${name:-default}, with a name of letters, digits, _, . or -; $${ writes a literal ${.',
  },
  {
    code: 'OCI-TEMPLATE-PLACE',
    severity: 'error',
    kind: 'syntax',
    title: 'Placeholder outside a value',
    source:
      'A placeholder may stand only in a value of a command (a YAML scalar, XML text or an attribute value), never in a key, an element name, the command name, xsi:type, the envelope or the structure: data never changes the shape of a command. The template is not rendered.',
  },
  {
    code: 'OCI-TEMPLATE-NOT-RENDERED',
    severity: 'error',
    kind: 'syntax',
    title: 'Template rows cannot be sent (Send All Rows)',
    source:
      'A template whose rows cannot be rendered (no data file, or a refused placeholder) sends nothing; the reason is reported where it lies when there is one.',
  },
  {
    code: 'OCI-DATA-COLUMN-MISSING',
    severity: 'error',
    kind: 'rule',
    title: 'Placeholder with no column, variable or default',
    source: 'Every placeholder must be filled: by a column of the data file, a variable (--var, ocip.variables) or its default.',
  },
  {
    code: 'OCI-DATA-COLUMN-UNUSED',
    severity: 'warning',
    kind: 'info',
    title: 'Data column that no placeholder uses',
    source:
      'A column of the data file that no placeholder names (or that a variable of the same name overrides) is not sent: often a misspelt header.',
  },
  {
    code: 'OCI-DATA-ROW-FIELDS',
    severity: 'error',
    kind: 'syntax',
    title: 'Data row with too many or too few fields',
    source: 'Each row of the data file has one field per column of the header; more usually means a value with an unquoted delimiter.',
  },
  {
    code: 'OCI-DATA-CSV',
    severity: 'error',
    kind: 'syntax',
    title: 'Malformed data file',
    source:
      'The data file is CSV (RFC 4180): a header row, fields separated by , or ; (detected), quoted with " when they hold a delimiter, a quote (doubled) or a line break.',
  },
  {
    code: 'OCI-DATA-EMPTY',
    severity: 'warning',
    kind: 'info',
    title: 'Data file without rows',
    source: 'A data file with a header and no rows renders no command.',
  },
  // Sending
  {
    code: 'OCI-SEND-EMPTY',
    severity: 'error',
    kind: 'syntax',
    title: 'Nothing to send',
    source: 'A file must contain at least one command to be sent.',
  },
  {
    code: 'OCI-SEND-NO-COMMAND',
    severity: 'error',
    kind: 'syntax',
    title: 'The command to send does not exist',
    source: 'A CodeLens or history entry named a command the file no longer has.',
  },
  {
    code: 'OCI-SEND-FAILED',
    severity: 'error',
    kind: 'rule',
    title: 'The server rejected the command (after a send)',
    source: 'The ErrorResponse of the BroadWorks server for that command, shown on the command until it is edited or sent again.',
  },
  // Server checks (OCI-P: Check Against Server, `ocip check`): read-only requests against a live server
  {
    code: 'OCI-SERVER-USER-EXISTS',
    severity: 'error',
    kind: 'rule',
    title: 'The user id already exists (server check)',
    source:
      'UserGetRequest23V2 answers with the user (or an earlier command of the file adds it); the add fails: user ids are unique system-wide.',
  },
  {
    code: 'OCI-SERVER-ALT-ID-EXISTS',
    severity: 'error',
    kind: 'rule',
    title: 'An alternate user id is already a user id (server check)',
    source: 'UserGetRequest23V2 answers with a user of that id (or an earlier command adds it); alternate user ids must be free.',
  },
  {
    code: 'OCI-SERVER-SP-NOT-FOUND',
    severity: 'error',
    kind: 'rule',
    title: 'The service provider / enterprise does not exist (server check)',
    source: 'ServiceProviderGetRequest22V4 answers "not found"; the request never creates a service provider.',
  },
  {
    code: 'OCI-SERVER-GROUP-NOT-FOUND',
    severity: 'error',
    kind: 'rule',
    title: 'The group does not exist and groupProperties is missing (server check)',
    source:
      '"If the group needs to be created, the groupProperties element must be set or the request will fail." GroupGetRequest22V5 answers "not found" and the request has no groupProperties; reported on groupId.',
  },
  {
    code: 'OCI-SERVER-GROUP-CREATE-LEVEL',
    severity: 'error',
    kind: 'rule',
    title: 'The group does not exist and this administrator may not create it (server check)',
    source:
      '"The group will be added if it does not exist and if the command is executed by a Service Provider level administrator or above." The level is the login\'s.',
  },
  {
    code: 'OCI-SERVER-GROUP-CREATED',
    severity: 'information',
    kind: 'info',
    title: 'The command creates the group (server check)',
    source: 'GroupGetRequest22V5 answers "not found" and groupProperties is given: the group is created from it.',
  },
  {
    code: 'OCI-SERVER-GROUP-PROPERTIES-IGNORED',
    severity: 'hint',
    kind: 'info',
    title: 'groupProperties is ignored: the group exists (server check)',
    source:
      '"The groupProperties element will be ignored if the group already exists." GroupGetRequest22V5 answers with the group (or an earlier command of the file creates it).',
  },
  {
    code: 'OCI-SERVER-DOMAIN-SP',
    severity: 'error',
    kind: 'rule',
    title: 'Domain not assigned to the service provider, and this level may not assign it (server check)',
    source:
      "ServiceProviderDomainGetAssignedListRequest22 does not list the domain of the user id, an alias or the new group's default domain; it is assigned only by a Provisioning administrator or above.",
  },
  {
    code: 'OCI-SERVER-DOMAIN-GROUP',
    severity: 'error',
    kind: 'rule',
    title: 'Domain not assigned to the group, and this level may not assign it (server check)',
    source:
      'GroupDomainGetAssignedListRequest does not list the domain of the user id or an alias; it is assigned to the group only by a Service Provider administrator or above.',
  },
  {
    code: 'OCI-SERVER-NUMBER-IN-USE',
    severity: 'error',
    kind: 'rule',
    title: "The phone number is already a user's (server check)",
    source: 'GroupDnGetAssignmentListRequest18 shows the number assigned to a user (or an earlier command of the file gives it to one).',
  },
  {
    code: 'OCI-SERVER-NUMBER-NOT-IN-GROUP',
    severity: 'error',
    kind: 'rule',
    title: 'The phone number is not in the group and addPhoneNumberToGroup is not true (server check)',
    source:
      '"If the phoneNumber has not been assigned to the group and addPhoneNumberToGroup is set to true, it will be added to group ... The command will fail otherwise." (AS data mode)',
  },
  {
    code: 'OCI-SERVER-NUMBER-ADD-LEVEL',
    severity: 'error',
    kind: 'rule',
    title: 'The phone number would be added to the group by a level that may not (server check)',
    source: 'Adding the number to the group needs a Service Provider administrator or above (AS data mode).',
  },
  {
    code: 'OCI-SERVER-NUMBER-NOT-IN-SP',
    severity: 'error',
    kind: 'rule',
    title: 'The phone number is not available in the service provider (server check)',
    source:
      "ServiceProviderDnGetAvailableListRequest does not list it: the number is not the service provider's or is in another group, so it cannot be added to this group.",
  },
  {
    code: 'OCI-SERVER-EXTENSION-IN-USE',
    severity: 'error',
    kind: 'rule',
    title: 'The extension is used by another user of the group (server check)',
    source: 'UserGetListInGroupRequest lists a user of the group with that extension.',
  },
  {
    code: 'OCI-SERVER-SERVICE-NOT-AUTHORIZED',
    severity: 'error',
    kind: 'rule',
    title: 'The user service is not authorized and cannot be authorized by this login (server check)',
    source:
      'GroupServiceGetAuthorizationListRequest (and ServiceProviderServiceGetAuthorizationListRequest): "The userService/servicePack will be authorized to the group if it has not been authorized to the group if the command is executed by a Service Provider level administrator or above" and only when the service provider has it.',
  },
  {
    code: 'OCI-SERVER-PACK-NOT-FOUND',
    severity: 'error',
    kind: 'rule',
    title: 'The service pack does not exist (server check)',
    source: 'ServiceProviderServicePackGetListRequest does not list the pack.',
  },
  {
    code: 'OCI-SERVER-PACK-NOT-AUTHORIZED',
    severity: 'error',
    kind: 'rule',
    title: 'The service pack is not authorized to the group and cannot be by this login (server check)',
    source:
      'GroupServiceGetAuthorizationListRequest shows the pack unauthorized; only a Service Provider administrator or above authorizes it.',
  },
  {
    code: 'OCI-SERVER-SERVICE-REQUIRED',
    severity: 'error',
    kind: 'rule',
    title: "A service prerequisite is not met, by the server's real pack contents (server check)",
    source:
      "The shared-call-appearance, third-party voice mail and SIP authentication elements need their service: from the request, the packs' contents read with ServiceProviderServicePackGetDetailListRequest, or the new user template (ocip.newUserTemplateServices).",
  },
  {
    code: 'OCI-SERVER-TEMPLATE-UNVERIFIED',
    severity: 'warning',
    kind: 'info',
    title: 'A service prerequisite depends on the new user template (server check)',
    source:
      "Neither the request nor its packs on the server give the service; R25 OCI-P has no request that reads a group's new user template, so only ocip.newUserTemplateServices can settle it.",
  },
  {
    code: 'OCI-SERVER-DEVICE-NOT-FOUND',
    severity: 'error',
    kind: 'rule',
    title: 'The access device does not exist and no deviceType creates it (server check)',
    source: 'GroupAccessDeviceGetListRequest does not list the device; the request creates a device only when deviceType is given.',
  },
  {
    code: 'OCI-SERVER-DEVICE-TYPE-UNKNOWN',
    severity: 'error',
    kind: 'rule',
    title: 'The device to create has a device type the system does not know (server check)',
    source: 'SystemAccessDeviceTypeGetListRequest does not list the deviceType of a device the request would create.',
  },
  {
    code: 'OCI-SERVER-DEPARTMENT-NOT-FOUND',
    severity: 'error',
    kind: 'rule',
    title: 'The department does not exist (server check)',
    source: 'GroupDepartmentGetListRequest18 (with enterprise departments) does not list it.',
  },
  {
    code: 'OCI-SERVER-TRUNK-GROUP-NOT-FOUND',
    severity: 'error',
    kind: 'rule',
    title: 'The trunk group does not exist in the group (server check)',
    source: 'GroupTrunkGroupGetInstanceListRequest14sp4 does not list it.',
  },
  {
    code: 'OCI-SERVER-NCOS-NOT-ASSIGNED',
    severity: 'error',
    kind: 'rule',
    title: 'The network class of service is not assigned to the group (server check)',
    source: 'GroupNetworkClassOfServiceGetAssignedListRequest does not list it.',
  },
  {
    code: 'OCI-SERVER-UNVERIFIED',
    severity: 'information',
    kind: 'info',
    title: 'A server check could not be answered',
    source: 'The read request was refused (e.g. not visible to this administrator) or gave no usable answer; nothing is claimed.',
  },
];

export const RULES_BY_CODE: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.code, r]));
