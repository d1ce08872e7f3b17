/**
 * Rules documented on nested types and on simple types (in prose, not as facets). They are keyed by type
 * name, so they apply wherever a command uses the type, not only in UserConsolidatedAddRequest22.
 */
import type { ElementNode } from '../../tree/types';
import type { CheckOptions } from '../types';
import type { RuleEmitter } from './emit';
import { short } from '../values';
import { collapsed } from './emit';
import { utf8Length } from '../../text/utf8-length';

export interface Visited {
  node: ElementNode;
  /** Resolved type name (xsi:type applied). */
  typeName: string;
  /** Element names from the command down to this element. */
  path: string[];
}

const ENDPOINT = 'ConsolidatedAccessDeviceMultipleIdentityEndpointAndContactAdd22';
const SCA_ENDPOINT = 'ConsolidatedSharedCallAppearanceAccessDeviceMultipleIdentityEndpointAdd22';
const TRUNK = 'TrunkAddressingMultipleContactAdd';

function kids(node: ElementNode, name: string): ElementNode[] {
  return node.children?.filter((c) => c.name === name) ?? [];
}

function isTrue(n: ElementNode | undefined): boolean {
  const v = collapsed(n?.value?.text);
  return v === 'true' || v === '1';
}

function at(n: ElementNode): ElementNode['nameSpan'] {
  return n.listIndex !== undefined ? n.span : n.nameSpan;
}

export function checkTypeRules(v: Visited, opts: CheckOptions, emit: RuleEmitter): void {
  const xs = opts.dataMode === 'XS';
  const { node } = v;
  switch (v.typeName) {
    case ENDPOINT:
    case SCA_ENDPOINT: {
      const contacts = kids(node, 'contact');
      if (v.typeName === ENDPOINT && contacts.length > 1) {
        if (xs)
          for (const c of contacts.slice(1))
            emit('OCI-XS-ONE-CONTACT', at(c), 'Only one contact is allowed in XS data mode.', { fix: { kind: 'remove' } });
        else emit('OCI-MULTI-CONTACT', at(contacts[1]), 'Several contacts work only for devices capable of static registration.');
      }
      if (xs) {
        const hotline = kids(node, 'useHotline')[0];
        if (isTrue(hotline))
          emit('OCI-XS-HOTLINE', hotline.value!.span, 'useHotline is an AS data mode feature: use false in XS data mode.', {
            fix: { kind: 'setValue', value: 'false' },
          });
        for (const h of kids(node, 'hotlineContact'))
          emit('OCI-XS-IGNORED', h.nameSpan, '`hotlineContact` is AS only and ignored in XS data mode.', {
            tags: ['unnecessary'],
            fix: { kind: 'remove' },
          });
      }
      if (v.typeName === SCA_ENDPOINT && !xs) {
        for (const p of kids(node, 'privateIdentity'))
          emit(
            'OCI-AS-IGNORED',
            p.nameSpan,
            '`privateIdentity` of a shared call appearance is used only in XS data mode and ignored in AS data mode.',
            { tags: ['unnecessary'], fix: { kind: 'remove' } },
          );
      }
      break;
    }
    case TRUNK: {
      const id = kids(node, 'alternateTrunkIdentity')[0];
      const domain = kids(node, 'alternateTrunkIdentityDomain')[0];
      if (xs && (id || domain) && !(id && domain)) {
        const given = (id ?? domain)!;
        emit(
          'OCI-XS-TRUNK-IDENTITY-PAIR',
          given.nameSpan,
          `In XS data mode set alternateTrunkIdentity and alternateTrunkIdentityDomain together (only ${given.name} is set).`,
          {
            fix: { kind: 'addElements', names: [id ? 'alternateTrunkIdentityDomain' : 'alternateTrunkIdentity'] },
          },
        );
      }
      if (!xs && domain)
        emit(
          'OCI-IMS-ONLY',
          domain.nameSpan,
          'alternateTrunkIdentityDomain is used only in XS data mode or by an Application Server deployed in IMS mode.',
        );
      if (xs)
        for (const p of kids(node, 'physicalLocation'))
          emit('OCI-XS-IGNORED', p.nameSpan, '`physicalLocation` of trunk addressing is AS only and ignored in XS data mode.', {
            tags: ['unnecessary'],
            fix: { kind: 'remove' },
          });
      break;
    }
    case 'ExtendedTransportProtocol':
      if (xs && collapsed(node.value?.text) === 'TLS')
        emit('OCI-XS-TLS', node.value!.span, 'transportProtocol TLS fails in XS data mode: use UDP, TCP or Unspecified.', {
          fix: { kind: 'replaceValue', candidates: ['TCP', 'UDP', 'Unspecified'] },
        });
      break;
    case 'ServiceProviderId': {
      const text = collapsed(node.value?.text) ?? '';
      const bytes = utf8Length(text);
      if (bytes > 30 && [...text].length <= 30)
        emit(
          'OCI-SP-BYTES',
          node.value!.span,
          `A service provider id is limited to 30 bytes, not characters: this one takes ${bytes} bytes in UTF-8.`,
        );
      break;
    }
    case 'SIPURI':
      if (node.name === 'alias') checkAlias(node, emit);
      break;
    case 'AccessDeviceEndpointLinePort':
    case 'AccessDeviceEndpointPrivateIdentity':
      checkLinePort(node, v.typeName === 'AccessDeviceEndpointPrivateIdentity', emit);
      break;
    case 'DN': {
      const text = collapsed(node.value?.text) ?? '';
      if (text && !/^\+?\d+(-\d+)?$/.test(text))
        emit(
          'OCI-DN-FORMAT',
          node.value!.span,
          `'${short(text)}' does not look like a directory number (digits, optionally +CC-number, e.g. +1-2125551234).`,
        );
      break;
    }
  }
}

const URI_CHARS = /^[A-Za-z0-9\-_.!~*'()]+$/;

function checkAlias(node: ElementNode, emit: RuleEmitter): void {
  const text = collapsed(node.value?.text) ?? '';
  if (!text) return;
  const problem = text.toLowerCase().startsWith('sip:')
    ? 'write it without the "sip:" prefix'
    : text.split('@').length !== 2
      ? 'it needs exactly one @ (user@host)'
      : text.split('@').some((part) => !part)
        ? 'both the user and the host part are needed'
        : text.split('@').some((part) => !URI_CHARS.test(part))
          ? "only letters, digits and - _ . ! ~ * ' ( ) are allowed"
          : undefined;
  if (problem) emit('OCI-ALIAS-FORMAT', node.value!.span, `Alias '${short(text)}': ${problem}.`);
}

function checkLinePort(node: ElementNode, isPrivateIdentity: boolean, emit: RuleEmitter): void {
  const text = collapsed(node.value?.text) ?? '';
  if (!text) return;
  const what = isPrivateIdentity ? 'Private identity' : 'Line/port';
  const problem = text.toLowerCase().startsWith('sip:')
    ? 'write it without the "sip:" prefix'
    : !/^\+?[A-Za-z0-9\-_.!~*'()@]+$/.test(text)
      ? "only letters, digits and - _ . ! ~ * ' ( ) @ are allowed"
      : isPrivateIdentity && (text.split('@').length !== 2 || text.split('@').some((p) => !p))
        ? 'it needs exactly one @ with a user and a host part'
        : undefined;
  if (problem) emit('OCI-LINEPORT-FORMAT', node.value!.span, `${what} '${short(text)}': ${problem}.`);
}
